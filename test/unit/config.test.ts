import { describe, expect, it } from 'vitest';
import { configFor, parseConfig } from '~/config.server';
import { DEFAULT_MODEL } from '~/statements/anthropic.server';
import { fakeLimiters } from '../support/rate-limiter';

describe('Worker configuration', () => {
  it('accepts the embedded default, with a 5-second statement timeout; no Anthropic key means the builder is not configured, no PostHog key means no analytics', () => {
    const limiters = fakeLimiters();
    expect(parseConfig({ AUTH_MODE: 'local', ...limiters })).toEqual({
      authMode: 'local',
      statementTimeoutMs: 5000,
      limiters: { password: limiters.PASSWORD_LIMITER, email: limiters.EMAIL_LIMITER },
      anthropic: null,
      statementGenerationsPerHour: 20,
      statementGenerationsPerDay: 60,
      supabase: null,
      analytics: null,
    });
    expect(
      parseConfig({ AUTH_MODE: 'local', ...limiters, ANTHROPIC_API_KEY: '  ' }).anthropic,
    ).toBeNull();
  });

  it('reads the Anthropic key, an optional base URL and model, and the hourly and daily limits', () => {
    const limiters = fakeLimiters();
    expect(
      parseConfig({ AUTH_MODE: 'local', ...limiters, ANTHROPIC_API_KEY: 'sk-1' }).anthropic,
    ).toEqual({
      apiKey: 'sk-1',
      baseUrl: null,
      model: DEFAULT_MODEL,
    });
    const custom = parseConfig({
      AUTH_MODE: 'local',
      ...limiters,
      ANTHROPIC_API_KEY: 'sk-1',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      ANTHROPIC_MODEL: 'claude-opus-5',
      STATEMENT_GENERATIONS_PER_HOUR: '5',
      STATEMENT_GENERATIONS_PER_DAY: '12',
    });
    expect(custom.anthropic).toEqual({
      apiKey: 'sk-1',
      baseUrl: 'http://127.0.0.1:9999',
      model: 'claude-opus-5',
    });
    expect(custom.statementGenerationsPerHour).toBe(5);
    expect(custom.statementGenerationsPerDay).toBe(12);
  });

  it('names the variable that is wrong', () => {
    const limiters = fakeLimiters();
    expect(() => parseConfig({ AUTH_MODE: 'ldap', ...limiters })).toThrow(
      'Configuration error in AUTH_MODE: AUTH_MODE must be "local" or "supabase"',
    );
    expect(() => parseConfig({ ...limiters })).toThrow(/^Configuration error in AUTH_MODE: /);
    expect(() =>
      parseConfig({ AUTH_MODE: 'local', ...limiters, ANTHROPIC_BASE_URL: 'not a url' }),
    ).toThrow(/ANTHROPIC_BASE_URL/);
    expect(() =>
      parseConfig({ AUTH_MODE: 'local', ...limiters, STATEMENT_GENERATIONS_PER_HOUR: 'lots' }),
    ).toThrow(/STATEMENT_GENERATIONS_PER_HOUR/);
    expect(() =>
      parseConfig({ AUTH_MODE: 'local', ...limiters, STATEMENT_GENERATIONS_PER_DAY: '0' }),
    ).toThrow('STATEMENT_GENERATIONS_PER_DAY must be at least 1');
  });

  it('reads Supabase’s URL and keys in supabase mode, with Google off unless switched on', () => {
    const limiters = fakeLimiters();
    const env = {
      AUTH_MODE: 'supabase',
      ...limiters,
      SUPABASE_URL: 'https://abcdefgh.supabase.co/',
      SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_1',
      SUPABASE_SECRET_KEY: 'sb_secret_1',
    };
    expect(parseConfig(env).supabase).toEqual({
      url: 'https://abcdefgh.supabase.co',
      publishableKey: 'sb_publishable_1',
      secretKey: 'sb_secret_1',
      google: false,
    });
    expect(parseConfig({ ...env, GOOGLE_SIGN_IN: 'on' }).supabase?.google).toBe(true);
    // Local mode ignores them, so a developer's shell can keep them set.
    expect(parseConfig({ ...env, AUTH_MODE: 'local' }).supabase).toBeNull();
  });

  it('names every Supabase setting that supabase mode is missing, and a wrong Google switch', () => {
    const limiters = fakeLimiters();
    expect(() =>
      parseConfig({ AUTH_MODE: 'supabase', ...limiters, SUPABASE_URL: 'https://x.supabase.co' }),
    ).toThrow(
      'Configuration error: AUTH_MODE is "supabase" but SUPABASE_PUBLISHABLE_KEY, SUPABASE_SECRET_KEY are missing',
    );
    expect(() =>
      parseConfig({
        AUTH_MODE: 'supabase',
        ...limiters,
        SUPABASE_URL: 'https://x.supabase.co',
        SUPABASE_PUBLISHABLE_KEY: 'p',
      }),
    ).toThrow('but SUPABASE_SECRET_KEY is missing');
    expect(() =>
      parseConfig({ AUTH_MODE: 'supabase', ...limiters, SUPABASE_URL: 'abcdefgh.supabase.co' }),
    ).toThrow(/SUPABASE_URL must be a URL/);
    expect(() => parseConfig({ AUTH_MODE: 'local', ...limiters, GOOGLE_SIGN_IN: 'yes' })).toThrow(
      /GOOGLE_SIGN_IN must be "on" or "off"/,
    );
  });

  it.each([
    ['plain http', 'http://eu.i.posthog.com'],
    ['a path', 'https://eu.i.posthog.com/ingest'],
    ['a query', 'https://eu.i.posthog.com?x=1'],
    ['a user', 'https://me:pw@eu.i.posthog.com'],
    ['a quote in the host', "https://eu.i.posthog.com'"],
    ['another scheme', 'ftp://eu.i.posthog.com'],
  ])('refuses a PostHog host with %s', (_what, host) => {
    expect(() =>
      parseConfig({ AUTH_MODE: 'local', ...fakeLimiters(), POSTHOG_KEY: 'k', POSTHOG_HOST: host }),
    ).toThrow('POSTHOG_HOST must be an https:// origin with no path, query or user');
  });

  it.each(['https://eu.i.posthog.com', 'https://ph.example.org:8443/', 'http://localhost:4010'])(
    'takes the PostHog host %s as its origin',
    (host) => {
      const config = parseConfig({
        AUTH_MODE: 'local',
        ...fakeLimiters(),
        POSTHOG_KEY: 'k',
        POSTHOG_HOST: host,
      });
      expect(config.analytics).toEqual({ key: 'k', host: new URL(host).origin });
    },
  );

  it('names a missing rate limiter and where it is declared', () => {
    const { EMAIL_LIMITER } = fakeLimiters();
    expect(() => parseConfig({ AUTH_MODE: 'local', EMAIL_LIMITER })).toThrow(
      /PASSWORD_LIMITER is missing: it is a \[\[ratelimits\]\] binding in wrangler\.toml/,
    );
  });

  it("parses an isolate's env once: the same env object gives the same config, another env its own", () => {
    const env = { AUTH_MODE: 'local', ...fakeLimiters() };
    const first = configFor(env);
    expect(configFor(env)).toBe(first);
    // Shared by every request, so none can change it for the others.
    expect(Object.isFrozen(first) && Object.isFrozen(first.limiters)).toBe(true);
    const other = configFor({ ...env, ANTHROPIC_API_KEY: 'sk-1' });
    expect(other).not.toBe(first);
    expect(other.anthropic?.apiKey).toBe('sk-1');
  });

  it('refuses a wrong env on every request, not only the first', () => {
    const env = { AUTH_MODE: 'ldap', ...fakeLimiters() };
    expect(() => configFor(env)).toThrow(/^Configuration error in AUTH_MODE: /);
    expect(() => configFor(env)).toThrow(/^Configuration error in AUTH_MODE: /);
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
