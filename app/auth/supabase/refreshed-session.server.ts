import type { AppLoadContext } from '@remix-run/cloudflare';

// Reading who is signed in may refresh a Supabase session that is about to expire; the refreshed
// cookie must reach the browser, or its next request would present a spent refresh token. Pages'
// loaders do not return the auth adapter's headers, so they wait here for the Worker's response.
const pending = new WeakMap<AppLoadContext, Headers>();

/** Keeps this request's refreshed session cookie (if any) for the response. */
export function keepRefreshedSession(context: AppLoadContext, headers: Headers) {
  if (headers.getSetCookie().length === 0) return;
  pending.set(context, headers);
}

/**
 * The response with any refreshed session cookie added, unless the response sets that cookie
 * itself (a sign-in or sign-out decides), plus the no-cache headers that come with it.
 */
export function withRefreshedSession(context: AppLoadContext, response: Response): Response {
  const headers = pending.get(context);
  if (!headers) return response;
  const own = new Set(response.headers.getSetCookie().map((c) => c.split('=')[0]));
  const refreshed = headers.getSetCookie().filter((c) => !own.has(c.split('=')[0]));
  if (refreshed.length === 0) return response;
  const out = new Response(response.body, response);
  for (const cookie of refreshed) out.headers.append('Set-Cookie', cookie);
  for (const [key, value] of headers) if (key !== 'set-cookie') out.headers.set(key, value);
  return out;
}
