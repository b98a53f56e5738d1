import { describe, expect, it } from 'vitest';
import { parseConfig } from '~/config.server';

describe('Worker configuration', () => {
  it('accepts the embedded default', () => {
    expect(parseConfig({ AUTH_MODE: 'local' })).toEqual({ authMode: 'local' });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ AUTH_MODE: 'ldap' })).toThrow(/AUTH_MODE/);
    expect(() => parseConfig({})).toThrow(/AUTH_MODE/);
  });
});
