const PROBE_ORIGIN = 'http://jobtrack.invalid';

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
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  // The last word goes to a real URL parser: anything that leaves our origin is refused.
  try {
    const url = new URL(to, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
