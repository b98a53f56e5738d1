import type { ChildProcess } from 'node:child_process';
import type { EmbeddedDatabase } from './embedded';
import { hyperdriveEnv, prepareLocalDatabase } from './local';
import { startLocalPool, type LocalPool } from './local-pool';
import { stopGroup } from './processes';

/**
 * Prepares the local database and the pool in front of it (Hyperdrive's stand-in, see
 * db/local-pool.ts), then runs the server that `start` launches (in its own process group) until
 * it exits or Ctrl-C; either way everything started here is stopped.
 */
export async function serveWithLocalDatabase(
  start: (env: NodeJS.ProcessEnv) => Promise<ChildProcess>,
) {
  let embedded: EmbeddedDatabase | undefined;
  let pool: LocalPool | undefined;
  let server: ChildProcess | undefined;
  const shutdown = async (code: number) => {
    stopGroup(server);
    await pool?.close();
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    const db = await prepareLocalDatabase();
    embedded = db.embedded;
    pool = await startLocalPool(db.url);
    server = await start(hyperdriveEnv(pool.url));
    server.on('exit', (code) => void shutdown(code ?? 0));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
