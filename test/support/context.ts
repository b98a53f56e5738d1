import type { AppLoadContext } from '@remix-run/cloudflare';
import type { DbHandle } from '#db/client';
import { parseConfig, type Config } from '~/config.server';

/**
 * An AppLoadContext like the Worker's, on the test database. `config` overrides parsed settings
 * (a shorter statement timeout, say) while every code path that reads them stays the same.
 */
export function makeContext(
  handle: DbHandle,
  env: Partial<Env> = {},
  config: Partial<Config> = {},
) {
  const fullEnv = {
    AUTH_MODE: 'local',
    HYPERDRIVE: { connectionString: 'postgres://unused' } as Hyperdrive,
    ...env,
  } as Env;
  const context: AppLoadContext = {
    cloudflare: {
      env: fullEnv,
      ctx: {
        waitUntil: () => {},
        passThroughOnException: () => {},
      },
    },
    config: { ...parseConfig(fullEnv), ...config },
    db: handle.db,
    cspNonce: 'test-nonce',
  };
  return { context };
}
