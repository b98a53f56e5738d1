/**
 * `npm run dev`: Vite's dev server with hot reload (loaders run in Node through Remix's Cloudflare
 * dev proxy) on the same database as `npm start`. Ctrl-C stops everything it started.
 */
import type { ChildProcess } from 'node:child_process';
import type { EmbeddedDatabase } from './embedded';
import { hyperdriveEnv, prepareLocalDatabase } from './local';
import { startGroup, stopGroup } from './processes';

let embedded: EmbeddedDatabase | undefined;
let vite: ChildProcess | undefined;

async function shutdown(code: number) {
  stopGroup(vite);
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const db = await prepareLocalDatabase();
  embedded = db.embedded;
  vite = startGroup('npx', ['remix', 'vite:dev', '--host', '127.0.0.1'], { env: hyperdriveEnv(db.url) });
  vite.on('exit', (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
