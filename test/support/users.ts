import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/cloudflare';
import type postgres from 'postgres';
import { createSession, sessionHeaders } from '~/auth/local/sessions.server';
import { asServer } from '~/db.server';
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
  // As the local adapter does after a correct password: a session row, then its cookie.
  const token = await asServer(context, (tx) => createSession(tx, id));
  const setCookie = (await sessionHeaders(get('/'), token)).get('Set-Cookie') ?? '';
  return { id, email, cookie: setCookie.split(';')[0] ?? '' };
}
