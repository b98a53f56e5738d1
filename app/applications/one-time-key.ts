import { createHash } from 'node:crypto';
import { isUuid } from '~/http/uuid';

// A create form's one-time key names the application it saves, through the person: the id is a
// hash of the person's id and the key, so a key can name only that person's own applications.
// Another person's application id sent as a key is just a fresh key (nothing about theirs is
// found or refused), and nobody can take an id first that someone else's form will save under.

/**
 * The id an application saved by `userId` from a form with one-time key `key` is stored under.
 * Synchronous (node:crypto, which the Worker has with nodejs_compat), so a page can name the id in
 * the transaction it starts at once, sharing the session check's round trip.
 */
export function applicationIdFor(userId: string, key: string) {
  return uuidFrom(`${userId}:${key}`);
}

/**
 * The key a form refused as "saved before, with other details" is answered with: the same for the
 * same person, key and details, so the refused form sent again (Back to its page resends it) gets
 * the same new key, and saving it then lands on what that key saved instead of adding it twice.
 */
export function nextKeyFor(userId: string, key: string, details: unknown) {
  return uuidFrom(`${userId}:${key}:next:${JSON.stringify(details)}`);
}

/** A SHA-256 of `text` shaped as an RFC 9562 version 8 (custom) uuid. */
function uuidFrom(text: string) {
  const bytes = createHash('sha256').update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The add form page's key, and whether it came from the page's address. */
export type AddFormKey = { key: string; fromAddress: boolean } | { redirectTo: string };

/**
 * The one-time key for the add form's page. Signed-in pages are never stored, so going Back to the
 * form after saving it, without JavaScript, loads it again, and the browser then fills in what was
 * typed: the key must come back too, or saving again adds a second application. So a plain visit
 * is sent on to the same address with a key in it (`?key=…`), which the page then keeps (also
 * when the form comes back refused). A form's POST is never redirected: its answer, with what was
 * typed, is the page (Remix runs a POST's loaders with its headers, so it has a body type). With
 * JavaScript (a data request, not a document) every showing draws an empty form and gets a key
 * of its own, as does a browser that does not say what it asks for (`Sec-Fetch-Dest`).
 */
export function addFormKey(request: Request): AddFormKey {
  const fresh = { key: crypto.randomUUID(), fromAddress: false };
  if (request.headers.get('Sec-Fetch-Dest') !== 'document') return fresh;
  const url = new URL(request.url);
  const key = url.searchParams.get('key');
  if (isUuid(key)) return { key, fromAddress: true };
  if (request.headers.has('Content-Type')) return fresh;
  url.searchParams.set('key', fresh.key);
  return { redirectTo: `${url.pathname}${url.search}` };
}
