import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  hashPassword,
  iterationsOf,
  MAX_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from '~/auth/local/password.server';

describe('password hashing (PBKDF2-SHA-256)', () => {
  it('uses no more than the 100,000 iterations Workers allow', () => {
    expect(MAX_PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
  });

  it('records the iteration count in the stored hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(iterationsOf(stored)).toBe(PBKDF2_ITERATIONS);
    expect(iterationsOf(stored)).toBeLessThanOrEqual(100_000);
  });

  it('refuses to hash with more iterations than Workers allow', async () => {
    await expect(hashPassword('correct horse battery', 100_001)).rejects.toThrow(RangeError);
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
