import worker from '../../server';
import { fakeLimiters } from './rate-limiter';

export type WorkerAnswer = { status: number; headers: Headers; body: string };

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
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], fullEnv, ctx);
  const body = await response.text();
  await Promise.all(pending);
  return { status: response.status, headers: response.headers, body };
}
