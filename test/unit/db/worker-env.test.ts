import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerEnvArgs } from '../../../db/worker-env';

const project = () => mkdtempSync(join(tmpdir(), 'jobtrack-project-'));

describe('handing settings from npm start to the Worker', () => {
  it('passes nothing when none of the settings is set, so wrangler behaves as before', () => {
    const result = workerEnvArgs({ PATH: '/usr/bin', HOME: '/root' }, project());
    expect(result.args).toEqual([]);
    expect(result.files).toBeNull();
  });

  it('writes only the known settings to a private env file, escaping $ that wrangler would expand', () => {
    const result = workerEnvArgs(
      {
        ANTHROPIC_API_KEY: 'sk-ant-a$b',
        ANTHROPIC_MODEL: 'claude-opus-5',
        SECRET_OF_MINE: 'no',
        PATH: '/usr/bin',
      },
      project(),
    );
    const file = result.files!.at(-1)!;
    expect(result.args).toEqual(['--env-file', file]);
    expect(readFileSync(file, 'utf8')).toBe(
      'ANTHROPIC_API_KEY="sk-ant-a\\$b"\nANTHROPIC_MODEL="claude-opus-5"\n',
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    result.cleanup();
    expect(existsSync(file)).toBe(false);
  });

  it('passes the auth mode and the Supabase settings, so one command runs against a project', () => {
    const result = workerEnvArgs(
      {
        AUTH_MODE: 'supabase',
        SUPABASE_URL: 'https://abcdefgh.supabase.co',
        SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_x',
        SUPABASE_SECRET_KEY: 'sb_secret_y',
        GOOGLE_SIGN_IN: 'on',
      },
      project(),
    );
    expect(readFileSync(result.files!.at(-1)!, 'utf8')).toBe(
      'AUTH_MODE="supabase"\nSUPABASE_URL="https://abcdefgh.supabase.co"\n' +
        'SUPABASE_PUBLISHABLE_KEY="sb_publishable_x"\nSUPABASE_SECRET_KEY="sb_secret_y"\n' +
        'GOOGLE_SIGN_IN="on"\n',
    );
    result.cleanup();
  });

  it('passes PostHog’s key and host, so analytics can be tried with npm start', () => {
    const result = workerEnvArgs(
      { POSTHOG_KEY: 'phc_abc', POSTHOG_HOST: 'https://eu.i.posthog.com' },
      project(),
    );
    expect(readFileSync(result.files!.at(-1)!, 'utf8')).toBe(
      'POSTHOG_KEY="phc_abc"\nPOSTHOG_HOST="https://eu.i.posthog.com"\n',
    );
    result.cleanup();
  });

  it('names the files wrangler reads by default first, only those that exist (Node 20 exits on a missing one)', () => {
    const withDevVars = project();
    writeFileSync(join(withDevVars, '.dev.vars'), 'OTHER="1"\n');
    writeFileSync(join(withDevVars, '.env'), 'IGNORED="1"\n');
    expect(workerEnvArgs({ ANTHROPIC_API_KEY: 'k' }, withDevVars).files!.slice(0, -1)).toEqual([
      '.dev.vars',
    ]);

    const withEnv = project();
    writeFileSync(join(withEnv, '.env'), 'OTHER="1"\n');
    expect(workerEnvArgs({ ANTHROPIC_API_KEY: 'k' }, withEnv).files!.slice(0, -1)).toEqual([
      '.env',
    ]);
  });

  it('refuses a value it could not pass on intact', () => {
    expect(() => workerEnvArgs({ ANTHROPIC_API_KEY: 'two\nlines' }, project())).toThrow(
      /ANTHROPIC_API_KEY/,
    );
  });
});
