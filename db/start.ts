/**
 * `npm start`: the app on its embedded defaults. Prepares the database (db/local.ts), builds, and
 * serves the production build with `wrangler dev` (workerd) through the Hyperdrive binding.
 * Ctrl-C stops everything it started.
 */
import type { ChildProcess } from 'node:child_process';
import type { EmbeddedDatabase } from './embedded';
import { hyperdriveEnv, prepareLocalDatabase } from './local';
import { run, startGroup, stopGroup } from './processes';

const PORT = process.env.PORT ?? '8787';
let embedded: EmbeddedDatabase | undefined;
let worker: ChildProcess | undefined;

async function shutdown(code: number) {
  stopGroup(worker);
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const db = await prepareLocalDatabase();
  embedded = db.embedded;
  if (process.env.SKIP_BUILD !== '1') await run('npx', ['remix', 'vite:build']);
  worker = startGroup(
    'npx',
    ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', PORT, '--show-interactive-dev-session=false'],
    { env: hyperdriveEnv(db.url) },
  );
  worker.on('exit', (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
