// Ids in addresses and forms are uuids; anything else is turned away before the database sees it.
// Without zod, so a page that checks an id in its loader brings no schema library with it.

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid; anything else is answered with 404 before it reaches the database. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
