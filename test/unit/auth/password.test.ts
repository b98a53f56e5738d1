import { describe, expect, it, vi } from 'vitest';
import {
  constantTimeEqual,
  hashPassword,
  iterationsOf,
  MAX_PBKDF2_ITERATIONS,
  verifyPassword,
} from '~/auth/local/password.server';

describe('password hashing (PBKDF2-SHA-256)', () => {
  it('derives every new hash with 100,000 iterations of SHA-256: the most Workers allow', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      await hashPassword('correct horse battery');
      expect(derive).toHaveBeenCalledTimes(1);
      expect(derive.mock.calls[0]![0]).toMatchObject({
        name: 'PBKDF2',
        hash: 'SHA-256',
        iterations: 100_000,
      });
      expect(derive.mock.calls[0]![2]).toBe(256);
    } finally {
      derive.mockRestore();
    }
  });

  it('verifies with the iteration count the record names, never more than Workers allow', async () => {
    const stored = await hashPassword('older account password', 1_000);
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      await verifyPassword('older account password', stored);
      await verifyPassword('x', 'pbkdf2-sha256$100001$AAAA$AAAA');
      expect(derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations)).toEqual([
        1_000, 100_000,
      ]);
    } finally {
      derive.mockRestore();
    }
  });

  it('records the iteration count in the stored hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(iterationsOf(stored)).toBe(100_000);
  });

  it('refuses to hash with more iterations than Workers allow, or with none', async () => {
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000);
    expect(iterationsOf(await hashPassword('at the cap', 100_000))).toBe(100_000);
    for (const iterations of [100_001, 0, 1.5]) {
      await expect(hashPassword('correct horse battery', iterations)).rejects.toThrow(
        'PBKDF2 iterations must be 1–100000',
      );
    }
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash, so the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password'),
      hashPassword('same password'),
    ]);
    expect(a).not.toBe(b);
    expect(a.split('$')[2]).not.toBe(b.split('$')[2]);
  });

  it('does not store the password in the hash', async () => {
    const stored = await hashPassword('visible secret words');
    expect(stored).not.toContain('visible');
    expect(stored).not.toContain(btoa('visible secret words'));
  });

  it('verifies hashes made with a lower recorded cost (so the cost can change later)', async () => {
    const stored = await hashPassword('older account password', 1_000);
    expect(iterationsOf(stored)).toBe(1_000);
    expect(await verifyPassword('older account password', stored)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait s\u00fbr');
    expect(await verifyPassword('cafe\u0301 au lait su\u0302r', stored)).toBe(true);
  });

  it('stores a 16-byte salt and a 32-byte hash', async () => {
    const [, , salt, hash] = (await hashPassword('correct horse battery')).split('$');
    expect(atob(salt!)).toHaveLength(16);
    expect(atob(hash!)).toHaveLength(32);
  });

  it.each([
    ['an extra field', 'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA$extra'],
    ['a missing hash', 'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA=='],
    ['an empty count', 'pbkdf2-sha256$$AAAA$AAAA'],
    ['a count in exponent form', 'pbkdf2-sha256$1e3$AAAA$AAAA'],
    ['a zero count', 'pbkdf2-sha256$0$AAAA$AAAA'],
    ['a salt that is not base64', 'pbkdf2-sha256$1000$!!!!$AAAA'],
    ['another scheme', 'pbkdf2-sha512$1000$AAAA$AAAA'],
  ])('reads no iteration count from a record with %s', (_, stored) => {
    expect(iterationsOf(stored)).toBeNull();
  });

  it('never matches a record whose parts are right but whose hash is not', async () => {
    const stored = await hashPassword('correct horse battery', 1_000);
    const [scheme, count, salt] = stored.split('$');
    const wrongHash = [scheme, count, salt, btoa('x'.repeat(32))].join('$');
    expect(await verifyPassword('correct horse battery', wrongHash)).toBe(false);
  });

  it('hashes and verifies at the lowest cost, one iteration', async () => {
    const stored = await hashPassword('correct horse battery', 1);
    expect(iterationsOf(stored)).toBe(1);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
  });

  it('never matches a malformed record, even when its stand-in hash is what the password derives', async () => {
    // A malformed record is still checked at full cost against an all-zero stand-in; were the
    // derived bits ever all zero, the answer must still be no.
    const derive = vi.spyOn(crypto.subtle, 'deriveBits').mockResolvedValue(new ArrayBuffer(32));
    try {
      expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
      expect(await verifyPassword('x', 'pbkdf2-sha256$1000$!!!!$AAAA')).toBe(false);
      expect(derive).toHaveBeenCalledTimes(2);
    } finally {
      derive.mockRestore();
    }
  });

  it('never matches a malformed or over-cost record', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'pbkdf2-sha256$100001$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$abc$def')).toBe(false);
    expect(iterationsOf('pbkdf2-sha256$500000$AAAA$AAAA')).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('compares bytes exactly, including length', () => {
    const a = new Uint8Array([1, 2, 3]);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 0]))).toBe(false);
  });
});
