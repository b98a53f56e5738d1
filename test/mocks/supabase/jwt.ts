// Minimal JWT signing and checking on WebCrypto for the fake Supabase Auth (ES256 like a project
// with asymmetric signing keys, or HS256 like a legacy one, whose JWKS is empty).
const encoder = new TextEncoder();

const b64url = (bytes: Uint8Array | ArrayBuffer) =>
  Buffer.from(new Uint8Array(bytes)).toString('base64url');
const b64urlJson = (value: unknown) => b64url(encoder.encode(JSON.stringify(value)));

export type SigningKey = {
  alg: 'ES256' | 'HS256';
  kid: string | undefined;
  privateKey: CryptoKey;
  verifyKey: CryptoKey;
  /** What /.well-known/jwks.json publishes; null for an HS256 secret. */
  publicJwk: JsonWebKey | null;
};

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' };

/** A new signing key, with the public JWK Supabase Auth would publish for it. */
export async function makeSigningKey(alg: 'ES256' | 'HS256' = 'ES256'): Promise<SigningKey> {
  if (alg === 'HS256') {
    const secret = encoder.encode(`fake-legacy-jwt-secret-${crypto.randomUUID()}`);
    const key = await crypto.subtle.importKey(
      'raw',
      secret,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return { alg, kid: undefined, privateKey: key, verifyKey: key, publicJwk: null };
  }
  const pair = (await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const kid = crypto.randomUUID();
  const { ext: _ext, ...rest } = jwk;
  const publicJwk = { ...rest, kid, alg, use: 'sig', key_ops: ['verify'] } as JsonWebKey;
  return { alg, kid, privateKey: pair.privateKey, verifyKey: pair.publicKey, publicJwk };
}

/** A compact JWT of `claims`, with the key's alg and kid in its header. */
export async function signJwt(key: SigningKey, claims: object): Promise<string> {
  const header = { alg: key.alg, typ: 'JWT', ...(key.kid ? { kid: key.kid } : {}) };
  const input = `${b64urlJson(header)}.${b64urlJson(claims)}`;
  const algorithm = key.alg === 'HS256' ? { name: 'HMAC' } : ECDSA_SIGN;
  return `${input}.${b64url(await crypto.subtle.sign(algorithm, key.privateKey, encoder.encode(input)))}`;
}

/** The claims of a token one of `keys` signed and that has not expired, or why not. */
export async function verifyJwt(
  keys: SigningKey[],
  token: string,
): Promise<{ claims: Record<string, any> } | { error: string }> {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return { error: 'token is malformed' };
  let header: { kid?: string; alg?: string };
  let claims: Record<string, any>;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString());
    claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  } catch {
    return { error: 'token is malformed' };
  }
  const key = keys.find((k) => (header.kid ? k.kid === header.kid : k.alg === header.alg));
  if (!key) return { error: `unrecognized JWT kid ${header.kid} for algorithm ${header.alg}` };
  const algorithm = key.alg === 'HS256' ? { name: 'HMAC' } : ECDSA_SIGN;
  const ok = await crypto.subtle.verify(
    algorithm,
    key.verifyKey,
    Buffer.from(signature, 'base64url'),
    encoder.encode(`${head}.${body}`),
  );
  if (!ok) return { error: 'token signature is invalid' };
  if (typeof claims.exp !== 'number' || claims.exp <= Math.floor(Date.now() / 1000)) {
    return { error: 'token has invalid claims: token is expired' };
  }
  return { claims };
}
