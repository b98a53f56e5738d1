// Password hashing for the local adapter: PBKDF2-SHA-256 through WebCrypto, so the same code runs
// in workerd and in Node. Stored as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; keeping the
// count in the record lets a later change of cost verify old hashes and rehash them on sign-in.

/** Workers refuse PBKDF2 above 100,000 iterations in production (local workerd does not). */
export const MAX_PBKDF2_ITERATIONS = 100_000;
/** The cost used for new hashes: the most Workers allow. */
export const PBKDF2_ITERATIONS = MAX_PBKDF2_ITERATIONS;

const SCHEME = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

type Bytes = Uint8Array<ArrayBuffer>;
type Parsed = { iterations: number; salt: Bytes; hash: Bytes };

/** Hashes a password with a fresh random salt; returns the self-describing stored form. */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be 1–${MAX_PBKDF2_ITERATIONS}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return [SCHEME, iterations, toBase64(salt), toBase64(hash)].join('$');
}

/** True when `password` matches `stored`; compares in constant time. Malformed records never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  // Still do the full-cost work on a malformed record, so timing says nothing about it.
  const target = parsed ?? {
    iterations: PBKDF2_ITERATIONS,
    salt: new Uint8Array(SALT_BYTES),
    hash: new Uint8Array(HASH_BITS / 8),
  };
  const candidate = await derive(password, target.salt, target.iterations);
  return constantTimeEqual(candidate, target.hash) && parsed !== null;
}

/** The iteration count a stored hash records, or null when it is not ours. */
export function iterationsOf(stored: string): number | null {
  return parse(stored)?.iterations ?? null;
}

/** Byte-by-byte comparison whose time depends only on the length, never on where bytes differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

async function derive(password: string, salt: Bytes, iterations: number) {
  // NFKC so the same password typed on different keyboards (composed or not) hashes the same.
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(password.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

function parse(stored: string): Parsed | null {
  const [scheme, count, salt, hash, ...rest] = stored.split('$');
  if (scheme !== SCHEME || rest.length > 0 || !count || !salt || !hash) return null;
  const iterations = Number(count);
  if (!/^\d+$/.test(count) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) return null;
  try {
    return { iterations, salt: fromBase64(salt), hash: fromBase64(hash) };
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array) {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Bytes {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
