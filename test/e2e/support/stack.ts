/**
 * The whole app on throwaway infrastructure, for the browser tests, the benchmark and the load run:
 * an embedded PostgreSQL in a fresh temp dir, a migrated database, a production build in a folder
 * of its own (never build/, which a running `npm start` serves) and `wrangler dev` (real workerd)
 * serving it through the Hyperdrive binding. Node only; loopback only.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildInto, writeEntry } from '../../../db/build';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../../../db/embedded';
import { runMigrations } from '../../../db/migrate';
import { hyperdriveEnv, PRODUCTION_WORKER } from '../../../db/local';
import { startLocalPool, type LocalPool } from '../../../db/local-pool';
import { freePort } from '../../../db/ports';
import { run, startGroup, stopGroup } from '../../../db/processes';
import { workerEnvArgs } from '../../../db/worker-env';
import { startWireCounter, type WireCounter } from '../../support/wire-counter';

export { buildInto, freePort, run };

const root = resolve(import.meta.dirname, '../../..');

export interface Stack {
  baseUrl: string;
  /** URL of the migrated database the Worker uses (superuser: for seeding only). */
  databaseUrl: string;
  /** The embedded server, to stop and start again (outage and restart runs). */
  database: EmbeddedDatabase;
  /** Its data directory (to read the postmaster's CPU time). */
  databaseDir: string;
  /** The process group of wrangler and its workerd (to read the Worker's CPU time). */
  workerGroup: number;
  /** The wire counter between the Worker and the database, when asked for. */
  wire?: WireCounter;
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
 * Starts PostgreSQL, migrates, builds into `buildDir` unless told it is built, and serves the
 * Worker. With `wire`, a wire counter sits between the Worker and the database. Always call
 * `stop()`, also on failure: it is safe to call more than once and after a partial start.
 */
export async function startStack(options: {
  buildDir: string;
  build: boolean;
  quiet?: boolean;
  wire?: { latencyMs?: number };
  /** Settings handed to the Worker the way `npm start` hands them (db/worker-env.ts). */
  workerEnv?: Record<string, string>;
}): Promise<Stack> {
  const buildDir = resolve(root, options.buildDir);
  const workerEnv = workerEnvArgs(options.workerEnv ?? {});
  // Separate dirs: as root, PostgreSQL runs as its own user and must own its data dir's path.
  const pgDir = mkdtempSync(join(tmpdir(), 'jobtrack-e2e-pg-'));
  const wranglerDir = mkdtempSync(join(tmpdir(), 'jobtrack-e2e-wrangler-'));
  let database: EmbeddedDatabase | undefined;
  let worker: ChildProcess | undefined;
  let wire: WireCounter | undefined;
  let pool: LocalPool | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (worker) await stopWorker(worker);
      await wire?.close();
      await pool?.close();
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
    // As npm start does: the Worker reaches the database through the local pool (Hyperdrive's
    // stand-in), and through the wire counter in front of it when asked.
    pool = await startLocalPool(databaseUrl);
    let workerDatabaseUrl = pool.url;
    if (options.wire) {
      const url = new URL(pool.url);
      wire = await startWireCounter({ host: url.hostname, port: Number(url.port) }, options.wire);
      workerDatabaseUrl = wire.urlFor(pool.url);
    }

    mkdirSync(buildDir, { recursive: true });
    if (options.build) await buildInto(buildDir);
    else writeEntry(buildDir);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // Its own process group, so one signal stops wrangler and the workerd it starts.
    worker = startGroup(
      'npx',
      // Warnings and errors only: a line per request would bury Playwright's report.
      [
        'wrangler',
        'dev',
        join(buildDir, 'worker.ts'),
        '--assets',
        join(buildDir, 'client'),
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
          ...hyperdriveEnv(workerDatabaseUrl),
          ...PRODUCTION_WORKER,
          WRANGLER_SEND_METRICS: 'false',
        },
      },
    );
    await waitUntilAnswering(`${baseUrl}/privacy`, worker);
    return {
      baseUrl,
      databaseUrl,
      database,
      databaseDir: pgDir,
      workerGroup: worker.pid!,
      wire,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
