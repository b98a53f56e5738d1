import { isUuid } from '~/http/uuid';

/**
 * The answer for an id that is not one of the person's own. Malformed ids, other people's ids and
 * deleted ones all look the same, so an id's existence is never revealed.
 */
export function notFound(): Response {
  return new Response('Not found', { status: 404, statusText: 'Not Found' });
}

/** Throws 404 unless `id` is a well-formed uuid; returns it typed. */
export function requireUuid(id: unknown): string {
  if (!isUuid(id)) throw notFound();
  return id;
}
