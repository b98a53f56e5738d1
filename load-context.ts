import type { AppLoadContext } from '@remix-run/cloudflare';
import { createDb, type Database, type DbHandle } from './db/client';
import { configFor, type Config } from './app/config.server';
import { createBackground, type Background } from './app/http/background.server';

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
    /** Work that finishes after the answer is sent (emails, a draft's save); the database closes after it. */
    background: Background;
  }
}

/**
 * The context every loader and action receives, plus the hook that closes its database client.
 * The client is made when first asked for: a page that reads nothing (the privacy page, the
 * signed-out home) spends no time setting one up.
 */
export function buildLoadContext(cloudflare: Cloudflare, config: Config, cspNonce: string) {
  let handle: DbHandle | null = null;
  let closed = false;
  const background = createBackground((promise) => cloudflare.ctx.waitUntil(promise));
  const context: AppLoadContext = {
    cloudflare,
    config,
    cspNonce,
    background,
    get db() {
      // Asked for once the request is over, it would be a client nothing closes.
      if (closed) throw new Error('The request is over: its database client has been closed');
      handle ??= createDb(cloudflare.env.HYPERDRIVE.connectionString);
      return handle.db;
    },
  };
  const close = async () => {
    await background.settled();
    closed = true;
    await handle?.close();
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
  return buildLoadContext(
    context.cloudflare,
    configFor(context.cloudflare.env),
    crypto.randomUUID(),
  ).context;
}
