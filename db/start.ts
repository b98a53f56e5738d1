/**
 * `npm start`: the app on its embedded defaults. Prepares the database (db/local.ts), builds, and
 * serves the production build with `wrangler dev` (workerd) through the Hyperdrive binding.
 * ANTHROPIC_API_KEY (and the other settings in db/worker-env.ts) set in its environment reach the
 * Worker. Ctrl-C stops everything it started.
 */
import { serveWithLocalDatabase } from './local-server';
import { run, startGroup } from './processes';
import { workerEnvArgs } from './worker-env';

const PORT = process.env.PORT ?? '8787';
const workerEnv = workerEnvArgs();
process.on('exit', workerEnv.cleanup);

await serveWithLocalDatabase(async (env) => {
  if (process.env.SKIP_BUILD !== '1') await run('npx', ['remix', 'vite:build']);
  return startGroup(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      PORT,
      '--show-interactive-dev-session=false',
      ...workerEnv.args,
    ],
    { env },
  );
});
