import { createCookie, type AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { authUsers } from 'drizzle-orm/supabase';
import { sessions } from '#db/schema';
import { asServer, serverQuery, type Tx } from '~/db.server';
import { isLocalDevelopment } from '~/http/security.server';
import type { SessionUser } from '../port';
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

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get('Cookie'));
  // Any plausible string is looked up (only its hash is compared); junk of odd size is not.
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : null;
}

/** Headers that give the browser this session's cookie. */
export async function sessionHeaders(request: Request, token: string): Promise<Headers> {
  return new Headers({ 'Set-Cookie': await sessionCookie(request).serialize(token) });
}

/** Headers that remove the session cookie from the browser. */
export async function clearedSessionHeaders(request: Request): Promise<Headers> {
  return new Headers({ 'Set-Cookie': await sessionCookie(request).serialize('', { maxAge: 0 }) });
}

/** Stores a new session for `userId` (only its hash is kept); returns the cookie's token. */
export async function createSession(tx: Tx, userId: string): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_MS);
  // Tidy this person's expired sessions while we are here, so old rows do not pile up.
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  await tx.insert(sessions).values({ tokenHash: await sha256(token), userId, expiresAt });
  return token;
}

/**
 * Starts a session for `userId` in place of the one the browser arrived with, whoever's it was:
 * that session's record is deleted, so a copy of the old cookie signs nobody in.
 */
export async function replaceSession(tx: Tx, request: Request, userId: string): Promise<string> {
  const old = await readToken(request);
  if (old) await tx.delete(sessions).where(eq(sessions.tokenHash, await sha256(old)));
  return createSession(tx, userId);
}

/** Ends every session `userId` has, on every device. */
export async function deleteAllSessions(tx: Tx, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session `userId` has except the one this request carries. */
export async function deleteOtherSessions(tx: Tx, request: Request, userId: string) {
  const token = await readToken(request);
  const current = token ? await sha256(token) : '';
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, current)));
}

/** The person whose live session this request's cookie names, or null. */
export async function sessionUser(
  request: Request,
  context: AppLoadContext,
): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const tokenHash = await sha256(token);
  const [row] = await serverQuery(context, (db) =>
    db
      .select({ id: authUsers.id, email: authUsers.email })
      .from(sessions)
      .innerJoin(authUsers, eq(authUsers.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
      .limit(1),
  );
  return row ? { id: row.id, email: row.email ?? '' } : null;
}

/** Deletes this request's session row, if any; returns headers that clear the cookie. */
export async function endRequestSession(
  request: Request,
  context: AppLoadContext,
): Promise<Headers> {
  const token = await readToken(request);
  if (token) {
    const tokenHash = await sha256(token);
    await asServer(context, (tx) => tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
  }
  return clearedSessionHeaders(request);
}
