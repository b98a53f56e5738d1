import { redirect, type AppLoadContext } from '@remix-run/cloudflare';
import { checkClaim, SessionEnded, type UserClaim } from '~/db.server';
import { authFor } from './auth.server';
import type { SessionClaim, SessionUser } from './port';

export type { SessionUser } from './port';
export type { UserClaim } from '~/db.server';

// Remix runs the root's loader and the page's loader at once, each with its own copy of the
// Request. One claim per request is enough: the context is fresh for every request, so it (with
// the cookie, for callers that reuse one) is the cache's key. Actions that change the session
// always redirect, so a cached answer never outlives the session it read.
type Identity = { claim: Promise<SessionClaim | null>; user?: Promise<SessionUser | null> };
const identities = new WeakMap<AppLoadContext, Map<string, Identity>>();

function identityOf(request: Request, context: AppLoadContext): Identity {
  let byCookie = identities.get(context);
  if (!byCookie) identities.set(context, (byCookie = new Map()));
  const cookie = request.headers.get('Cookie') ?? '';
  let identity = byCookie.get(cookie);
  if (!identity) {
    identity = { claim: authFor(context).claim(request) };
    byCookie.set(cookie, identity);
  }
  return identity;
}

const nextTurn = () => new Promise((done) => setTimeout(done, 0));

/**
 * The signed-in person, confirmed by the database (or by the adapter, for a verified token), or
 * null. It waits a turn first: a page's transaction started meanwhile confirms the same claim in
 * its own first statement, and this answer then shares that round trip instead of making one.
 */
export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const identity = identityOf(request, context);
  identity.user ??= identity.claim.then(async (claim) => {
    if (!claim) return null;
    if (claim.verified) return claim.verified;
    await nextTurn();
    return checkClaim(context, claim);
  });
  return identity.user;
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  // After a POST there is no page to return to that would redo it; the list is a calm landing.
  const back = request.method === 'GET' ? `${url.pathname}${url.search}` : '/applications';
  return redirect(`/signin?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in person, confirmed (one round trip), or a redirect to sign-in that comes back here. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (user) return user;
  throw signInRedirect(request);
}

/**
 * Who the request says it is, not yet confirmed, for pages whose queries confirm it themselves
 * (`asUser` checks it in the same round trip). A request with no session at all is sent to sign in
 * at once; one whose session has ended is sent there by `asUser`.
 */
export async function requireUserClaim(
  request: Request,
  context: AppLoadContext,
): Promise<UserClaim> {
  const claim = await identityOf(request, context).claim;
  if (!claim) throw signInRedirect(request);
  return { ...claim, signedOut: () => signInRedirect(request) };
}

/**
 * Like requireUserClaim, but null for a request with no session, and a session found to have ended
 * makes `asUser` throw SessionEnded, for routes that answer a signed-out person themselves.
 */
export async function getUserClaim(
  request: Request,
  context: AppLoadContext,
): Promise<UserClaim | null> {
  const claim = await identityOf(request, context).claim;
  return claim && { ...claim, signedOut: () => new SessionEnded() };
}

export { SessionEnded };
