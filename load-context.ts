import type { AppLoadContext } from '@remix-run/cloudflare';
import { createDb, type Database } from './db/client';
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

/** The context every loader and action receives, plus the hook that closes its database client. */
export function buildLoadContext(cloudflare: Cloudflare, config: Config, cspNonce: string) {
  const { db, close } = createDb(cloudflare.env.HYPERDRIVE.connectionString);
  const background = createBackground((promise) => cloudflare.ctx.waitUntil(promise));
  const context: AppLoadContext = { cloudflare, config, db, cspNonce, background };
  return { context, close: () => background.settled().then(close) };
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
