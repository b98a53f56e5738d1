import type { AppLoadContext } from '@remix-run/cloudflare';
import type { DbHandle } from '#db/client';
import { parseConfig, type Config } from '~/config.server';

/**
 * An AppLoadContext like the Worker's, on the test database. `config` overrides parsed settings
 * (a shorter statement timeout, say) while every code path that reads them stays the same.
 */
export function makeContext(
  handle: DbHandle,
  env: Partial<Env> & Record<string, unknown> = {},
  config: Partial<Config> = {},
) {
  const pending: Promise<unknown>[] = [];
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
    background: (work) => void pending.push(work),
  };
  /** Waits for every piece of background work started so far (and any it started in turn). */
  const settled = async () => {
    for (let seen = 0; seen < pending.length;) {
      const batch = pending.slice(seen);
      seen = pending.length;
      await Promise.allSettled(batch);
    }
  };
  return { context, settled };
}
