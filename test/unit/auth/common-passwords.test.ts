import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '~/auth/common-passwords.server';
import { COMMON_PASSWORDS } from '~/auth/common-passwords';

describe('the common-password list', () => {
  it('holds the 1,000 most common passwords, lower-cased and without repeats', () => {
    expect(COMMON_PASSWORDS).toHaveLength(1000);
    expect(new Set(COMMON_PASSWORDS).size).toBe(1000);
    for (const word of COMMON_PASSWORDS) expect(word).toBe(word.toLowerCase());
    expect(COMMON_PASSWORDS.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
  });

  it('matches whatever the letter case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PassWord1')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(isCommonPassword('plum kettle harbour')).toBe(false);
  });
});
