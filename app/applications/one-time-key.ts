// A create form's one-time key names the application it saves, through the person: the id is a
// hash of the person's id and the key, so a key can name only that person's own applications.
// Another person's application id sent as a key is just a fresh key (nothing about theirs is
// found or refused), and nobody can take an id first that someone else's form will save under.

/** The id an application saved by `userId` from a form with one-time key `key` is stored under. */
export async function applicationIdFor(userId: string, key: string) {
  const bytes = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${userId}:${key}`)),
  ).slice(0, 16);
  // Shaped as an RFC 9562 version 8 (custom) uuid.
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
