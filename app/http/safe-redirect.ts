const PROBE_ORIGIN = 'http://jobtrack.invalid';
/** The longest redirect target kept; forms that carry one allow this much. */
export const MAX_REDIRECT_LENGTH = 2000;

/**
 * `to` when it is a path on this site ("/applications?page=2"), otherwise `fallback`. Refuses
 * absolute URLs, protocol-relative ("//evil.example") and backslash tricks ("/\evil.example"),
 * and control characters, which browsers strip to turn "/\t/evil" into "//evil".
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback;
  // Longer than any form field that carries it (sign-in's redirectTo allows 2,000).
  if (to.length > MAX_REDIRECT_LENGTH) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  // The last word goes to a real URL parser: anything that leaves our origin is refused.
  try {
    const url = new URL(to, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    // Parsing resolves dot segments, so "/.//evil.example" comes out as "//evil.example": check again.
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
  } catch {
    return fallback;
  }
}
