import { describe, expect, it } from 'vitest';
import { parseConfig, publicConfig } from '~/config.server';

describe('Worker configuration', () => {
  it('accepts the embedded default', () => {
    expect(parseConfig({ AUTH_MODE: 'local' })).toEqual({ authMode: 'local' });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ AUTH_MODE: 'ldap' })).toThrow(/AUTH_MODE/);
    expect(() => parseConfig({})).toThrow(/AUTH_MODE/);
  });

  it('lets only allowlisted values reach the browser', () => {
    expect(Object.keys(publicConfig({ authMode: 'local' }))).toEqual(['authMode']);
  });
});
