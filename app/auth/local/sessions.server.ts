import { createCookie, type AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';
import { localCredentials, sessions } from '#db/schema';
import { asServer, type Tx } from '~/db.server';
import { isLocalDevelopment } from '~/http/security.server';
import { isUuid } from '~/http/uuid';
import type { SessionClaim } from '../port';
import { randomToken, sha256 } from '../hashing.server';

/** Sessions last 30 days from sign-in, then the person signs in again. */
export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;
/** The app's only cookie. */
export const SESSION_COOKIE = 'jobtrack_session';

/**
 * The cookie's name for this request: over https it carries the `__Host-` prefix, which browsers
 * accept only from this very host (Secure, Path=/, no Domain), so a sibling subdomain cannot plant
 * or overwrite it. Plain-http localhost cannot use the prefix and keeps the bare name.
 */
export function sessionCookieName(request: Request) {
  return new URL(request.url).protocol === 'https:' ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

function sessionCookie(request: Request) {
  return createCookie(sessionCookieName(request), {
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

/**
 * Stores a new session for `userId` (only its token's hash is kept); returns the cookie's value.
 * Its end is set by the database's clock, the one sessionClaim checks it against.
 */
export async function createSession(tx: Tx, userId: string): Promise<string> {
  const token = randomToken();
  const expiresAt = sql`now() + make_interval(days => ${SESSION_DAYS})`;
  // Tidy this person's expired sessions while we are here, so old rows do not pile up.
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  await tx.insert(sessions).values({ tokenHash: await sha256(token), userId, expiresAt });
  return `${userId}.${token}`;
}

/**
 * Starts a session for `userId` in place of the one the browser arrived with, whoever's it was:
 * that session's record is deleted, so a copy of the old cookie signs nobody in.
 */
export async function replaceSession(tx: Tx, request: Request, userId: string): Promise<string> {
  const old = await readCookie(request);
  if (old) await tx.delete(sessions).where(eq(sessions.tokenHash, await sha256(old.token)));
  return createSession(tx, userId);
}

/** Ends every session `userId` has, on every device. */
export async function deleteAllSessions(tx: Tx, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session `userId` has except the one this request carries. */
export async function deleteOtherSessions(tx: Tx, request: Request, userId: string) {
  const cookie = await readCookie(request);
  const current = cookie ? await sha256(cookie.token) : '';
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, current)));
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
    .select({
      id: authUsers.id,
      email: authUsers.email,
      hasPassword:
        sql<boolean>`exists (select 1 from ${localCredentials} where ${localCredentials.userId} = ${authUsers.id})`.as(
          'has_password',
        ),
    })
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
