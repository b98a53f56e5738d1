import { redirect, type AppLoadContext } from '@remix-run/cloudflare';
import { authFor } from './auth.server';
import type { SessionUser } from './port';

export type { SessionUser } from './port';

// The root loader and the page's loader both ask, in parallel, each with its own copy of the
// Request; one lookup per request is enough. The Worker builds a fresh context for every request,
// so the context (with the cookie, for callers that reuse one) is the cache's natural key. Actions
// that change the session always redirect, so a cached answer never outlives the session it read.
const usersByContext = new WeakMap<AppLoadContext, Map<string, Promise<SessionUser | null>>>();

/** The signed-in person, verified server-side by the configured adapter, or null. */
export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  let byCookie = usersByContext.get(context);
  if (!byCookie) usersByContext.set(context, (byCookie = new Map()));
  const cookie = request.headers.get('Cookie') ?? '';
  let user = byCookie.get(cookie);
  if (!user) {
    user = authFor(context).getUser(request);
    byCookie.set(cookie, user);
  }
  return user;
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

/** The signed-in person, or a redirect to sign-in that comes back to this page afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (user) return user;
  const url = new URL(request.url);
  // After a POST there is no page to return to that would redo it; the list is a calm landing.
  const back = request.method === 'GET' ? `${url.pathname}${url.search}` : '/applications';
  throw redirect(`/signin?redirectTo=${encodeURIComponent(back)}`);
}

// Set by an action that refused a form because the session had ended. In one document request
// (a form posted without JavaScript) Remix gives the action and the page's loaders the same
// context object, so the loader can see it and show the refused form again instead of sending the
// person to sign in, which would throw away what they typed.
const refusedForSignOut = new WeakSet<AppLoadContext>();

/** Marks this request's form as refused because its session had ended (see requireUserOrRefused). */
export function noteSignedOutForm(context: AppLoadContext) {
  refusedForSignOut.add(context);
}

/**
 * The signed-in person; or null when this request's form was just refused because the session had
 * ended, so that the page renders that form again with its values; otherwise a redirect to sign in.
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
