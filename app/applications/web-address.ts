// Free of zod, so that pages showing an advert's link need not load the form's schema.

/** True for an absolute http(s) address; anything else (javascript:, data:, ftp:) is refused. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
