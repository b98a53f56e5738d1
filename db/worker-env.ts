/**
 * Hands a few settings from the environment of `npm start` (and the test stacks) to the Worker that
 * `wrangler dev` runs, so that `ANTHROPIC_API_KEY=… npm start` is all it takes to try the Statement
 * Builder. wrangler reads Worker variables only from wrangler.toml, `--var` (which would print the
 * key in its start-up table and show it in the process list) or env files; so the values go in a
 * private env file (mode 600, in a fresh temporary folder, removed on exit) passed with `--env-file`,
 * after the files wrangler would have read anyway, and they arrive as secrets (never printed).
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The settings passed on when set: the auth mode and Supabase's URL, keys and Google switch; the
 * Anthropic key, its optional base URL and model, the hourly and daily limits; and PostHog's
 * public key and host.
 */
export const PASSED_TO_WORKER = [
  'AUTH_MODE',
  'SUPABASE_URL',
  'SUPABASE_PUBLISHABLE_KEY',
  'SUPABASE_SECRET_KEY',
  'GOOGLE_SIGN_IN',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_MODEL',
  'STATEMENT_GENERATIONS_PER_HOUR',
  'STATEMENT_GENERATIONS_PER_DAY',
  'POSTHOG_KEY',
  'POSTHOG_HOST',
] as const;

/** One dotenv line; `$` is escaped because wrangler expands variables in env files. */
function line(name: string, value: string) {
  if (/[\r\n"\\]/.test(value)) {
    throw new Error(
      `${name} contains a quote, backslash or line break, which cannot be passed on.`,
    );
  }
  return `${name}="${value.replaceAll('$', '\\$')}"\n`;
}

/**
 * The `wrangler dev` arguments that pass the set ones of PASSED_TO_WORKER in `env` to the Worker,
 * and a cleanup that removes the file. No arguments when none is set: wrangler behaves as before.
 */
export function workerEnvArgs(
  env: Record<string, string | undefined> = process.env,
  projectDir = process.cwd(),
) {
  const set = PASSED_TO_WORKER.filter((name) => env[name]);
  if (set.length === 0) return { args: [] as string[], files: null, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'jobtrack-worker-env-'));
  const file = join(dir, 'worker.env');
  writeFileSync(file, set.map((name) => line(name, env[name]!)).join(''), { mode: 0o600 });
  // With --env-file wrangler reads only the files named, so first name those it reads by default.
  const defaults = existsSync(join(projectDir, '.dev.vars'))
    ? ['.dev.vars']
    : ['.env', '.env.local'];
  // Only files that exist: Node 20 also reads `--env-file` anywhere in wrangler's arguments as its
  // own option, and exits when the file is missing.
  const files = [...defaults.filter((f) => existsSync(join(projectDir, f))), file];
  return {
    args: files.flatMap((path) => ['--env-file', path]),
    /** The same files, for `getPlatformProxy({ envFiles })` under `npm run dev`. */
    files,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
