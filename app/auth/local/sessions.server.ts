import { createCookie, type AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';
import { sessions } from '#db/schema';
import { asServer, type Tx } from '~/db.server';
import { isLocalDevelopment } from '~/http/security.server';
import { isUuid } from '~/applications/application-schema';
import type { SessionClaim } from '../port';
import { randomToken, sha256 } from './hashing.server';

/** Sessions last 30 days from sign-in, then the person signs in again. */
export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;
/** The app's only cookie. */
export const SESSION_COOKIE = 'jobtrack_session';

function sessionCookie(request: Request) {
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: !isLocalDevelopment(request),
    maxAge: SESSION_MS / 1000,
  });
}

// The cookie holds "<user id>.<token>". The id lets a page's statements name their person before
// the database has answered; the token (only its hash is stored) is what proves it.
async function readCookie(request: Request): Promise<{ userId: string; token: string } | null> {
  const value = await sessionCookie(request).parse(request.headers.get('Cookie'));
  if (typeof value !== 'string' || value.length > 256) return null;
  const dot = value.indexOf('.');
  const userId = value.slice(0, dot);
  const token = value.slice(dot + 1);
  // Any plausible token is looked up (only its hash is compared); junk of odd shape is not.
  return dot > 0 && isUuid(userId) && token.length > 0 ? { userId, token } : null;
}

/** Headers that give the browser this session's cookie (`value` from createSession). */
export async function sessionHeaders(request: Request, value: string): Promise<Headers> {
  return new Headers({ 'Set-Cookie': await sessionCookie(request).serialize(value) });
}

/** Headers that remove the session cookie from the browser. */
export async function clearedSessionHeaders(request: Request): Promise<Headers> {
  return new Headers({ 'Set-Cookie': await sessionCookie(request).serialize('', { maxAge: 0 }) });
}

/** Stores a new session for `userId` (only its token's hash is kept); returns the cookie's value. */
export async function createSession(tx: Tx, userId: string): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_MS);
  // Tidy this person's expired sessions while we are here, so old rows do not pile up.
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  await tx.insert(sessions).values({ tokenHash: await sha256(token), userId, expiresAt });
  return `${userId}.${token}`;
}

/** Ends every session `userId` has, on every device. */
export async function deleteAllSessions(tx: Tx, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * The person this request's cookie names, with the check that proves it: the live session row
 * for the token's hash (run by the database as the first statement of the request's transaction).
 */
export async function sessionClaim(
  request: Request,
  context: AppLoadContext,
): Promise<SessionClaim | null> {
  const cookie = await readCookie(request);
  if (!cookie) return null;
  const tokenHash = await sha256(cookie.token);
  const check = context.db
    .select({ id: authUsers.id, email: authUsers.email })
    .from(sessions)
    .innerJoin(authUsers, eq(authUsers.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)))
    .getSQL();
  return { id: cookie.userId, check };
}

/** Deletes this request's session row, if any; returns headers that clear the cookie. */
export async function endRequestSession(
  request: Request,
  context: AppLoadContext,
): Promise<Headers> {
  const cookie = await readCookie(request);
  if (cookie) {
    const tokenHash = await sha256(cookie.token);
    await asServer(context, (tx) => tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
  }
  return clearedSessionHeaders(request);
}
