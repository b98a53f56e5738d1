/**
 * The whole app on throwaway infrastructure, for the browser tests and the benchmark: an embedded
 * PostgreSQL in a fresh temp dir, a migrated database, the production build and `wrangler dev`
 * (real workerd) serving it through the Hyperdrive binding. Node only; loopback only.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../../../db/embedded';
import { runMigrations } from '../../../db/migrate';
import { hyperdriveEnv } from '../../../db/local';
import { freePort } from '../../../db/ports';
import { run, startGroup, stopGroup } from '../../../db/processes';
import { workerEnvArgs } from '../../../db/worker-env';

export { freePort, run };

export interface Stack {
  baseUrl: string;
  /** URL of the migrated database the Worker uses (superuser: for seeding only). */
  databaseUrl: string;
  /** The process group of wrangler and the workerd it runs (the benchmark reads workerd's memory). */
  processGroup: number | undefined;
  stop: () => Promise<void>;
}

/** Stops wrangler's process group, waiting for it; SIGKILL for whatever outlives a SIGTERM. */
async function stopWorker(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    stopGroup(child, 'SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
  }
  // workerd can outlive wrangler's node process; the group is still addressable by its id.
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}

async function waitUntilAnswering(url: string, worker: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null)
      throw new Error(`wrangler dev exited early (code ${worker.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {}
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const running = new Set<() => Promise<void>>();

/** Stops every stack this process started, finished starting or not (for signal handlers). */
export async function stopAllStacks() {
  await Promise.all([...running].map((stop) => stop()));
}

/**
 * Starts PostgreSQL, migrates, optionally builds, and serves the Worker. Always call `stop()`,
 * also on failure: it is safe to call more than once and after a partial start.
 */
export async function startStack(options: {
  build: boolean;
  quiet?: boolean;
  /** Where the Worker reaches the database, given its URL (the benchmark's wire counter). */
  route?: (databaseUrl: string) => Promise<string>;
  /** Settings handed to the Worker the way `npm start` hands them (db/worker-env.ts). */
  workerEnv?: Record<string, string>;
}): Promise<Stack> {
  const workerEnv = workerEnvArgs(options.workerEnv ?? {});
  // Separate dirs: as root, PostgreSQL runs as its own user and must own its data dir's path.
  const pgDir = mkdtempSync(join(tmpdir(), 'jobtrack-e2e-pg-'));
  const wranglerDir = mkdtempSync(join(tmpdir(), 'jobtrack-e2e-wrangler-'));
  let database: EmbeddedDatabase | undefined;
  let worker: ChildProcess | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (worker) await stopWorker(worker);
      await database?.stop().catch(() => {});
      for (const dir of [pgDir, wranglerDir]) rmSync(dir, { recursive: true, force: true });
      workerEnv.cleanup();
      running.delete(stop);
    })());
  running.add(stop);

  try {
    database = await startEmbeddedPostgres(pgDir, await freePort());
    await ensureDatabase(database.serverUrl, 'jobtrack');
    const databaseUrl = database.urlFor('jobtrack');
    await runMigrations(databaseUrl);

    if (options.build) await run('npx', ['remix', 'vite:build']);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // Its own process group, so one signal stops wrangler and the workerd it starts.
    worker = startGroup(
      'npx',
      // Warnings and errors only: a line per request would bury Playwright's report.
      [
        'wrangler',
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--log-level',
        'warn',
        '--show-interactive-dev-session=false',
        '--persist-to',
        wranglerDir,
        ...workerEnv.args,
      ],
      {
        stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
        env: {
          ...hyperdriveEnv(options.route ? await options.route(databaseUrl) : databaseUrl),
          WRANGLER_SEND_METRICS: 'false',
        },
      },
    );
    await waitUntilAnswering(`${baseUrl}/privacy`, worker);
    return { baseUrl, databaseUrl, processGroup: worker.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
