import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN } from '~/auth/auth-schemas';
import { isCommonPassword } from '~/auth/common-passwords.server';
import { COMMON_PASSWORDS } from '~/auth/common-passwords';

const list = COMMON_PASSWORDS.split('\n');

describe('the common-password list', () => {
  it('holds the 10,000 most common passwords the length rule allows, lower-cased and without repeats', () => {
    expect(list).toHaveLength(10_000);
    expect(new Set(list).size).toBe(10_000);
    for (const word of list) {
      expect(word).toBe(word.toLowerCase());
      expect(Array.from(word).length).toBeGreaterThanOrEqual(PASSWORD_MIN);
    }
    expect(list.slice(0, 3)).toEqual(['password', '12345678', '123456789']);
  });

  it('matches whatever the letter case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PassWord1')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(isCommonPassword('plum kettle harbour')).toBe(false);
  });

  it('reaches past the old list of 1,000, whose only 8-character entries were its top 211', () => {
    // Near the end of the 10,000: common passwords a shorter list let through.
    expect(isCommonPassword(list[9_999]!)).toBe(true);
    expect(isCommonPassword('sunflower')).toBe(true);
  });
});
