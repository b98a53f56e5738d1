import { redirect, type AppLoadContext } from '@remix-run/cloudflare';
import { asServer } from '~/db.server';
import { authFor } from './auth.server';
import { createSession, sessionHeaders } from './local/sessions.server';
import { AuthNotConfiguredError } from './not-configured.server';
import type { SessionUser } from './port';

export type { SessionUser } from './port';

// The root loader and the page's loader both ask; one lookup per request is enough. Remix hands
// every loader of one request the same Request object, so it is the cache's natural key.
const usersByRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in person, verified server-side by the configured adapter, or null. */
export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  let user = usersByRequest.get(request);
  if (!user) {
    user = authFor(context).getUser(request);
    usersByRequest.set(request, user);
  }
  return user;
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

/** Local mode: starts a server-side session for `userId`; returns the Set-Cookie header value. */
export async function startSession(request: Request, context: AppLoadContext, userId: string) {
  if (context.config.authMode !== 'local')
    throw new AuthNotConfiguredError(context.config.authMode);
  const token = await asServer(context, (tx) => createSession(tx, userId));
  return (await sessionHeaders(request, token)).get('Set-Cookie') ?? '';
}

/** Ends this request's session server-side; returns the Set-Cookie header value that clears it. */
export async function endSession(request: Request, context: AppLoadContext) {
  const headers = await authFor(context).signOut(request);
  return headers.get('Set-Cookie') ?? '';
}
