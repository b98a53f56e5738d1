// Free of zod, so that pages showing an advert's link need not load the form's schema.

/** What a form says beside an address it cannot read. */
export const WEB_ADDRESS = 'Enter a web address, such as www.jobs.nhs.uk/… or https://…';

/** True for an absolute http(s) address; anything else (javascript:, data:, ftp:) is refused. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * An address as people copy it ("www.jobs.nhs.uk/…", no scheme) with https:// put in front; any
 * other text unchanged, for isWebAddress to judge. Only a host with a dot and no spaces qualifies.
 */
export function withScheme(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return /^[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/.test(value) ? `https://${value}` : value;
}
