/**
 * `npm start`: the app on its embedded defaults. Prepares the database (db/local.ts), builds, and
 * serves the production build with `wrangler dev` (workerd) through the Hyperdrive binding.
 * ANTHROPIC_API_KEY (and the other settings in db/worker-env.ts) set in its environment reach the
 * Worker. Ctrl-C stops everything it started.
 */
import { join } from 'node:path';
import { buildInto, writeEntry } from './build';
import { PRODUCTION_WORKER } from './local';
import { serveWithLocalDatabase } from './local-server';
import { run, startGroup } from './processes';
import { workerEnvArgs } from './worker-env';

const PORT = process.env.PORT ?? '8787';
// build/ unless told otherwise (the outage test builds elsewhere, leaving a developer's alone).
const BUILD_DIR = process.env.JOBTRACK_BUILD_DIR;
const workerEnv = workerEnvArgs();
process.on('exit', workerEnv.cleanup);

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
      ...workerEnv.args,
    ],
    { env: { ...env, ...PRODUCTION_WORKER } },
  );
});
