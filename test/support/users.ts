import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/cloudflare';
import type postgres from 'postgres';
import { startSession } from '~/auth/session.server';
import { get } from './http';

export type TestUser = { id: string; email: string; cookie: string };

/**
 * A person in auth.users with a live session, as after signing in: `cookie` is the Cookie header
 * value a browser would send back ("jobtrack_session=…").
 */
export async function signedInUser(
  db: { admin: postgres.Sql },
  context: AppLoadContext,
  email = `${randomUUID()}@example.com`,
): Promise<TestUser> {
  const id = randomUUID();
  await db.admin`insert into auth.users (id, email) values (${id}, ${email})`;
  const setCookie = await startSession(get('/'), context, id);
  return { id, email, cookie: setCookie.split(';')[0] ?? '' };
}
