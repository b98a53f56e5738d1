import { describe, expect, it } from 'vitest';
import { parseConfig } from '~/config.server';
import { fakeLimiters } from '../support/rate-limiter';

describe('Worker configuration', () => {
  it('accepts the embedded default, with a 5-second statement timeout', () => {
    const limiters = fakeLimiters();
    expect(parseConfig({ AUTH_MODE: 'local', ...limiters })).toEqual({
      authMode: 'local',
      statementTimeoutMs: 5000,
      limiters: { password: limiters.PASSWORD_LIMITER, email: limiters.EMAIL_LIMITER },
    });
    expect(parseConfig({ AUTH_MODE: 'supabase', ...limiters }).authMode).toBe('supabase');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ AUTH_MODE: 'ldap', ...fakeLimiters() })).toThrow(
      'Configuration error in AUTH_MODE: AUTH_MODE must be "local" or "supabase"',
    );
    expect(() => parseConfig({ ...fakeLimiters() })).toThrow(/^Configuration error in AUTH_MODE: /);
  });

  it('names a missing rate limiter and where it is declared', () => {
    const { EMAIL_LIMITER } = fakeLimiters();
    expect(() => parseConfig({ AUTH_MODE: 'local', EMAIL_LIMITER })).toThrow(
      /PASSWORD_LIMITER is missing: it is a \[\[ratelimits\]\] binding in wrangler\.toml/,
    );
  });
});

describe('the rate limits wrangler.toml declares', () => {
  it('counts per minute, allowing 10 password attempts and 5 email requests per client', async () => {
    const { declaredLimiters } = await import('../support/rate-limiter');
    expect(declaredLimiters()).toEqual({
      PASSWORD_LIMITER: { limit: 10, period: 60 },
      EMAIL_LIMITER: { limit: 5, period: 60 },
    });
  });
});
