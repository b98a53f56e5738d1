import { describe, expect, it } from 'vitest';
import { parseConfig } from '~/config.server';

describe('Worker configuration', () => {
  it('accepts the embedded default, with a 5-second statement timeout', () => {
    expect(parseConfig({ AUTH_MODE: 'local' })).toEqual({
      authMode: 'local',
      statementTimeoutMs: 5000,
    });
    expect(parseConfig({ AUTH_MODE: 'supabase' }).authMode).toBe('supabase');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ AUTH_MODE: 'ldap' })).toThrow(
      'Configuration error in AUTH_MODE: AUTH_MODE must be "local" or "supabase"',
    );
    expect(() => parseConfig({})).toThrow(/^Configuration error in AUTH_MODE: /);
  });
});
