const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 403 for any state-changing request whose Origin is missing or another site's. */
export function rejectCrossOrigin(request: Request): Response | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get('Origin');
  if (origin && origin === new URL(request.url).origin) return null;
  return new Response('Forbidden: this form must be sent from JobTrack itself.', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

// Headers a reverse proxy adds. A request that passed through one came from elsewhere, even if
// the proxy rewrote its Host to localhost (nginx in front of `npm start`, say).
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/**
 * True for a request to plain-http localhost, straight from the developer's own machine, never a
 * deployment or anything behind a proxy. Only there may the session cookie go without Secure,
 * and the dev outbox be shown.
 */
export function isLocalDevelopment(request: Request) {
  const url = new URL(request.url);
  if (PROXY_HEADERS.some((name) => request.headers.has(name))) return false;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The Content-Security-Policy for one response: scripts only from us or with this nonce; the
 * browser may connect to us and, when analytics are configured, to that one PostHog host; forms
 * may post to us and through `formTargets` (Sign in with Google's redirects).
 */
export function contentSecurityPolicy(
  nonce: string,
  {
    dev = false,
    analyticsHost = null,
    formTargets = [],
  }: { dev?: boolean; analyticsHost?: string | null; formTargets?: string[] } = {},
) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${analyticsHost ? ` ${new URL(analyticsHost).origin}` : ''}${dev ? ' ws:' : ''}`,
    // A form POST that redirects (Sign in with Google) needs each origin it passes through.
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The origins the Google sign-in form's redirects pass through (Supabase, then Google), which
 * the Content-Security-Policy must allow as form targets; none when Google is not offered.
 */
export function googleFormTargets(config: { supabase: { url: string; google: boolean } | null }) {
  if (!config.supabase?.google) return [];
  return [new URL(config.supabase.url).origin, 'https://accounts.google.com'];
}

/** Adds the security headers every response carries (options: see contentSecurityPolicy). */
export function withSecurityHeaders(
  request: Request,
  response: Response,
  nonce: string,
  options: { analyticsHost?: string | null; formTargets?: string[] } = {},
) {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', contentSecurityPolicy(nonce, options));
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (!isLocalDevelopment(request)) {
    headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  // A page asked for with a session cookie (a signed-in page, or its .data request), or one that
  // starts or ends a session, is never stored: not by the browser (Back after signing out, a
  // shared computer) and not by any cache on the way.
  // Nor is a page opened from an emailed link: its address carries the link's token. Nor the
  // calendar feed, whose address is its secret, however it is asked for (its route sends these
  // headers itself, but Remix drops them when the same path is asked for as .data).
  const calendarFeed = isCalendarFeed(request.url);
  if (
    request.headers.has('Cookie') ||
    headers.has('Set-Cookie') ||
    /[?&](token_hash|token)=/.test(request.url) ||
    calendarFeed
  ) {
    headers.set('Cache-Control', calendarFeed ? 'private, no-store' : 'no-store');
  }
  if (calendarFeed) headers.set('X-Robots-Tag', 'noindex, nofollow');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * True for the calendar feed's paths however they are written: routes match them in any case,
 * with letters percent-encoded or not.
 */
function isCalendarFeed(url: string): boolean {
  const { pathname } = new URL(url);
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Not decodable: compared as sent.
  }
  return path.toLowerCase().startsWith('/calendar/');
}
