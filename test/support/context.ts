import type { AppLoadContext } from '@remix-run/cloudflare';
import type { DbHandle } from '#db/client';
import { parseConfig, type Config } from '~/config.server';
import { createBackground } from '~/http/background.server';
import { fakeLimiters } from './rate-limiter';

/**
 * An AppLoadContext like the Worker's, on the test database, with stand-ins for Cloudflare's
 * rate limiters (fresh ones per context, with wrangler.toml's limits). `config` overrides parsed
 * settings (a shorter statement timeout, say) while every code path that reads them stays the
 * same. Work the app leaves for after the answer (emails) runs at once;
 * `await context.background.settled()` waits for it.
 */
export function makeContext(
  handle: DbHandle,
  env: Partial<Env> & Record<string, unknown> = {},
  config: Partial<Config> = {},
) {
  const fullEnv = {
    AUTH_MODE: 'local',
    HYPERDRIVE: { connectionString: 'postgres://unused' } as Hyperdrive,
    ...fakeLimiters(),
    ...env,
  } as Env;
  const waitUntil = () => {};
  const context: AppLoadContext = {
    cloudflare: { env: fullEnv, ctx: { waitUntil, passThroughOnException: () => {} } },
    config: { ...parseConfig(fullEnv), ...config },
    db: handle.db,
    cspNonce: 'test-nonce',
    background: createBackground(waitUntil),
  };
  /** Waits for every piece of background work started so far (and any it started in turn). */
  const settled = () => context.background.settled();
  return { context, settled };
}
