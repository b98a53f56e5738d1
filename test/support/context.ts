import type { AppLoadContext } from '@remix-run/cloudflare';
import type { DbHandle } from '#db/client';
import { parseConfig } from '~/config.server';

/** An AppLoadContext like the Worker's, on the test database. */
export function makeContext(handle: DbHandle, env: Partial<Env> = {}) {
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
    config: parseConfig(fullEnv),
    db: handle.db,
    cspNonce: 'test-nonce',
  };
  return { context };
}
