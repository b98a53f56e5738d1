/**
 * `npm start`: the app on its embedded defaults. Starts PostgreSQL 17 (data in .data/postgres) unless
 * DATABASE_URL names another server, applies migrations, builds, and serves the Worker with
 * `wrangler dev` through the Hyperdrive binding. Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { runMigrations } from './migrate';

const PORT = process.env.PORT ?? '8787';
const PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const DATA_DIR = resolve(process.env.EMBEDDED_PG_DIR ?? '.data/postgres');

let embedded: EmbeddedDatabase | undefined;
let worker: ChildProcess | undefined;

async function shutdown(code: number) {
  if (worker?.pid) {
    try {
      process.kill(-worker.pid, 'SIGTERM'); // the whole group: wrangler and its workerd
    } catch {}
  }
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<void>((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} exited with ${code}`))));
  });
}

try {
  let url = process.env.DATABASE_URL;
  if (!url) {
    console.log(`Starting embedded PostgreSQL 17 on 127.0.0.1:${PG_PORT} (data in ${DATA_DIR})…`);
    embedded = await startEmbeddedPostgres(DATA_DIR, PG_PORT);
    await ensureDatabase(embedded.serverUrl, 'jobtrack');
    url = embedded.urlFor('jobtrack');
  }
  await runMigrations(url);
  console.log('Database ready, migrations applied.');

  if (process.env.SKIP_BUILD !== '1') await run('npx', ['remix', 'vite:build']);

  worker = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', PORT, '--show-interactive-dev-session=false'], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: url },
  });
  worker.on('exit', (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
