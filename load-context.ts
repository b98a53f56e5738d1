import type { AppLoadContext } from '@remix-run/cloudflare';
import { createDb, type Database } from './db/client';
import { parseConfig, type Config } from './app/config.server';

type Cloudflare = {
  env: Env;
  ctx: Pick<ExecutionContext, 'waitUntil' | 'passThroughOnException'>;
};

declare module '@remix-run/cloudflare' {
  interface AppLoadContext {
    cloudflare: Cloudflare;
    config: Config;
    db: Database;
    /** Per-request CSP nonce for the inline scripts Remix renders. */
    cspNonce: string;
    /**
     * Keeps work going after the response has been returned (a streamed draft's save): the
     * Worker waits for it, and the database client closes only once it is done.
     */
    background: (work: Promise<unknown>) => void;
  }
}

/** The context every loader and action receives, plus the hook that closes its database client. */
export function buildLoadContext(cloudflare: Cloudflare, cspNonce: string) {
  const config = parseConfig(cloudflare.env);
  const { db, close: closeDb } = createDb(cloudflare.env.HYPERDRIVE.connectionString);
  const pending: Promise<unknown>[] = [];
  const background = (work: Promise<unknown>) => {
    pending.push(work);
    cloudflare.ctx.waitUntil(work);
  };
  const context: AppLoadContext = { cloudflare, config, db, cspNonce, background };
  const close = async () => {
    await Promise.allSettled(pending);
    await closeDb();
  };
  return { context, close };
}

/** Entry for `remix vite:dev`; its clients close themselves through postgres.js's idle timeout. */
export function getLoadContext({
  context,
}: {
  request: Request;
  context: { cloudflare: Cloudflare };
}) {
  return buildLoadContext(context.cloudflare, crypto.randomUUID()).context;
}
