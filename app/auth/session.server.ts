import { createCookie, redirect, type AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, gt } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';
import { sessions } from '#db/schema';
import { asServer } from '~/db.server';
import { allowsInsecureCookies } from '~/http/security.server';
import { randomToken, sha256 } from './tokens.server';

export type SessionUser = { id: string; email: string };

const SESSION_DAYS = 30;
const COOKIE_NAME = 'jobtrack_session';

function sessionCookie(request: Request) {
  return createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: !allowsInsecureCookies(request),
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The signed-in person, verified against the sessions table, or null. */
export async function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const tokenHash = await sha256(token);
  const [row] = await asServer(context, (tx) =>
    tx
      .select({ id: authUsers.id, email: authUsers.email })
      .from(sessions)
      .innerJoin(authUsers, eq(authUsers.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
      .limit(1),
  );
  return row ? { id: row.id, email: row.email ?? '' } : null;
}

/** The signed-in person, or a redirect to sign-in that comes back to this page afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (user) return user;
  const url = new URL(request.url);
  const back = request.method === 'GET' ? `${url.pathname}${url.search}` : '/applications';
  throw redirect(`/signin?redirectTo=${encodeURIComponent(back)}`);
}

/** Starts a server-side session for `userId`; returns the Set-Cookie header value. */
export async function startSession(request: Request, context: AppLoadContext, userId: string) {
  const token = randomToken();
  const tokenHash = await sha256(token);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await asServer(context, (tx) => tx.insert(sessions).values({ tokenHash, userId, expiresAt }));
  return sessionCookie(request).serialize(token);
}

/** Ends this request's session server-side; returns the Set-Cookie header value that clears it. */
export async function endSession(request: Request, context: AppLoadContext) {
  const token = await readToken(request);
  if (token) {
    const tokenHash = await sha256(token);
    await asServer(context, (tx) => tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
  }
  return sessionCookie(request).serialize('', { maxAge: 0 });
}
