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
 * The signed-in person, confirmed by the database, or null. It waits a turn first: a page's transaction started meanwhile confirms the same claim in
 * its own first statement, and this answer then shares that round trip instead of making one.
 */
export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const identity = identityOf(request, context);
  identity.user ??= identity.claim.then(async (claim) => {
    if (!claim) return null;
    await nextTurn();
    return checkClaim(context, claim);
  });
  return identity.user;
}

/** What `getUserForForm` answers when the auth service did not answer (a thrown 503). */
export const AUTH_UNAVAILABLE = 'auth-unavailable' as const;

/**
 * For an action: the signed-in person, null, or AUTH_UNAVAILABLE when the auth service is down,
 * so the action can show the form again with what was typed instead of an error page.
 */
export async function getUserForForm(
  request: Request,
  context: AppLoadContext,
): Promise<SessionUser | null | typeof AUTH_UNAVAILABLE> {
  try {
    return await getUser(request, context);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 503) return AUTH_UNAVAILABLE;
    throw thrown;
  }
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

/**
 * For an action: getUserClaim, or AUTH_UNAVAILABLE when the auth service did not answer (a thrown
 * 503), so the action can show the form again with what was typed instead of an error page.
 */
export async function getUserClaimForForm(
  request: Request,
  context: AppLoadContext,
): Promise<UserClaim | null | typeof AUTH_UNAVAILABLE> {
  try {
    return await getUserClaim(request, context);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 503) return AUTH_UNAVAILABLE;
    throw thrown;
  }
}

export { SessionEnded };

// Set by an action that refused a form because the session had ended. In one document request
// (a form posted without JavaScript) Remix gives the action and the page's loaders the same
// context object, so the loader can see it and show the refused form again instead of sending the
// person to sign in, which would throw away what they typed.
const refusedForSignOut = new WeakSet<AppLoadContext>();

/** Marks this request's form as refused because its session had ended (see requireUserClaimOrRefusedForm). */
export function noteSignedOutForm(context: AppLoadContext) {
  refusedForSignOut.add(context);
}

/**
 * The person the request claims to be (see requireUserClaim); or null when this request's form was
 * just refused because the session had ended, so that the page renders that form again with its
 * values; otherwise a redirect to sign in. The refusal's own check answers the second look, so
 * a page with no refused form still pays no round trip here.
 */
export async function requireUserClaimOrRefusedForm(
  request: Request,
  context: AppLoadContext,
): Promise<UserClaim | null> {
  if (refusedForSignOut.has(context)) {
    const user = await getUserForForm(request, context);
    if (user === null || user === AUTH_UNAVAILABLE) return null;
  }
  return requireUserClaim(request, context);
}

/**
 * The signed-in person, confirmed (one round trip); or null when this request's form was just
 * refused because the session had ended, so that the page renders that form again with its
 * values; otherwise a redirect to sign in. For pages that read nothing else.
 */
export async function requireUserOrRefusedForm(
  request: Request,
  context: AppLoadContext,
): Promise<SessionUser | null> {
  if (refusedForSignOut.has(context)) {
    const user = await getUserForForm(request, context);
    if (user === null || user === AUTH_UNAVAILABLE) return null;
  }
  return requireUser(request, context);
}

/**
 * `read` for the person the request claims to be, or `signedOut()` when it carries no session or
 * `read`'s transaction finds that the session has ended: for pages that show a signed-out visitor
 * something of their own. One round trip either way (`read`'s).
 */
export async function forClaimOr<T, U>(
  request: Request,
  context: AppLoadContext,
  read: (user: UserClaim) => Promise<T>,
  signedOut: () => U,
): Promise<T | U> {
  const user = await getUserClaim(request, context);
  if (!user) return signedOut();
  try {
    return await read(user);
  } catch (error) {
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
}

/**
 * For the root loader: the signed-in person, or null when the auth service is down while this
 * request's form is being shown again (the page then renders, not the error page).
 */
export async function getUserForPage(
  request: Request,
  context: AppLoadContext,
): Promise<SessionUser | null> {
  if (!refusedForSignOut.has(context)) return getUser(request, context);
  const user = await getUserForForm(request, context);
  return user === AUTH_UNAVAILABLE ? null : user;
}
