/**
 * `npm start`: the app on its embedded defaults. Prepares the database (db/local.ts), builds, and
 * serves the production build with `wrangler dev` (workerd) through the Hyperdrive binding.
 * Ctrl-C stops everything it started.
 */
import { join } from 'node:path';
import { buildInto, writeEntry } from './build';
import { serveWithLocalDatabase } from './local-server';
import { run, startGroup } from './processes';

const PORT = process.env.PORT ?? '8787';
// build/ unless told otherwise (the outage test builds elsewhere, leaving a developer's alone).
const BUILD_DIR = process.env.JOBTRACK_BUILD_DIR;

await serveWithLocalDatabase(async (env) => {
  const build = process.env.SKIP_BUILD !== '1';
  if (BUILD_DIR) await (build ? buildInto(BUILD_DIR) : writeEntry(BUILD_DIR));
  else if (build) await run('npx', ['remix', 'vite:build']);
  const entry = BUILD_DIR
    ? [join(BUILD_DIR, 'worker.ts'), '--assets', join(BUILD_DIR, 'client')]
    : [];
  return startGroup(
    'npx',
    [
      'wrangler',
      'dev',
      ...entry,
      '--ip',
      '127.0.0.1',
      '--port',
      PORT,
      '--show-interactive-dev-session=false',
    ],
    { env },
  );
});
