import type { AppLoadContext } from '@remix-run/cloudflare';
import type { DbHandle } from '#db/client';
import { parseConfig } from '~/config.server';

/** An AppLoadContext like the Worker's, on the test database; waitUntil work is collected. */
export function makeContext(handle: DbHandle, env: Partial<Env> = {}) {
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
        waitUntil: (p: Promise<unknown>) => void pending.push(p),
        passThroughOnException: () => {},
      },
    },
    config: parseConfig(fullEnv),
    db: handle.db,
    cspNonce: 'test-nonce',
  };
  return { context, settle: () => Promise.all(pending) };
}
