import { describe, expect, it } from 'vitest';
import { parseConfig } from '~/config.server';
import { DEFAULT_MODEL } from '~/statements/anthropic.server';

describe('Worker configuration', () => {
  it('accepts the embedded default, with a 5-second statement timeout; no Anthropic key means the builder is not configured', () => {
    expect(parseConfig({ AUTH_MODE: 'local' })).toEqual({
      authMode: 'local',
      statementTimeoutMs: 5000,
      anthropic: null,
      statementGenerationsPerHour: 20,
    });
    expect(parseConfig({ AUTH_MODE: 'supabase' }).authMode).toBe('supabase');
    expect(parseConfig({ AUTH_MODE: 'local', ANTHROPIC_API_KEY: '  ' }).anthropic).toBeNull();
  });

  it('reads the Anthropic key, an optional base URL and model, and the hourly limit', () => {
    expect(parseConfig({ AUTH_MODE: 'local', ANTHROPIC_API_KEY: 'sk-1' }).anthropic).toEqual({
      apiKey: 'sk-1',
      baseUrl: null,
      model: DEFAULT_MODEL,
    });
    const custom = parseConfig({
      AUTH_MODE: 'local',
      ANTHROPIC_API_KEY: 'sk-1',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      ANTHROPIC_MODEL: 'claude-opus-5',
      STATEMENT_GENERATIONS_PER_HOUR: '5',
    });
    expect(custom.anthropic).toEqual({
      apiKey: 'sk-1',
      baseUrl: 'http://127.0.0.1:9999',
      model: 'claude-opus-5',
    });
    expect(custom.statementGenerationsPerHour).toBe(5);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ AUTH_MODE: 'ldap' })).toThrow(
      'Configuration error in AUTH_MODE: AUTH_MODE must be "local" or "supabase"',
    );
    expect(() => parseConfig({})).toThrow(/^Configuration error in AUTH_MODE: /);
    expect(() => parseConfig({ AUTH_MODE: 'local', ANTHROPIC_BASE_URL: 'not a url' })).toThrow(
      /ANTHROPIC_BASE_URL/,
    );
    expect(() =>
      parseConfig({ AUTH_MODE: 'local', STATEMENT_GENERATIONS_PER_HOUR: 'lots' }),
    ).toThrow(/STATEMENT_GENERATIONS_PER_HOUR/);
  });
});
