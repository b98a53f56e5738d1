import { describe, expect, it } from 'vitest';
import { randomToken, sha256 } from '~/auth/hashing.server';

describe('tokens', () => {
  it('are 32 random bytes as 64 hex characters, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, randomToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are stored as their SHA-256, hex encoded', async () => {
    // The standard test vector for SHA-256("abc").
    expect(await sha256('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = randomToken();
    const hash = await sha256(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(token);
  });
});
