import worker from '../../server';
import { fakeLimiters } from './rate-limiter';

export type WorkerAnswer = { status: number; headers: Headers; body: string };

/** The Worker's env and ctx for one event, and a wait for everything it handed to `waitUntil`. */
function workerEvent(databaseUrl: string, env: Partial<Env>) {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (promise: Promise<unknown>) => void pending.push(promise),
    passThroughOnException: () => {},
    props: {},
  } as unknown as ExecutionContext;
  const fullEnv = {
    AUTH_MODE: 'local',
    HYPERDRIVE: { connectionString: databaseUrl },
    ...fakeLimiters(),
    ...env,
  } as Env;
  return { env: fullEnv, ctx, settled: () => Promise.all(pending) };
}

/**
 * Sends `request` through the Worker's own `fetch` (server.ts: Origin check, per-request database
 * client, Remix, security headers) with the database at `databaseUrl`, and waits for everything
 * the Worker handed to `ctx.waitUntil` (closing its database client) before answering.
 */
export async function fetchWorker(
  request: Request,
  databaseUrl: string,
  env: Partial<Env> = {},
): Promise<WorkerAnswer> {
  const event = workerEvent(databaseUrl, env);
  const response = await worker.fetch(
    request as Parameters<typeof worker.fetch>[0],
    event.env,
    event.ctx,
  );
  const body = await response.text();
  await event.settled();
  return { status: response.status, headers: response.headers, body };
}

/** Runs the Worker's cron (wrangler.toml `[triggers]`) as Cloudflare would, to the end. */
export async function scheduleWorker(databaseUrl: string, env: Partial<Env> = {}) {
  const event = workerEvent(databaseUrl, env);
  const controller = { cron: '17 3 * * *', scheduledTime: Date.now(), noRetry: () => {} };
  await worker.scheduled(controller as ScheduledController, event.env, event.ctx);
  await event.settled();
}
