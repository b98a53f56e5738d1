/**
 * `npm run dev`: Vite's dev server with hot reload (loaders run in Node through Remix's Cloudflare
 * dev proxy) on the same database as `npm start`, with the same settings passed to the Worker
 * (db/worker-env.ts; vite.config.ts hands the file to the proxy). Ctrl-C stops everything it started.
 */
import { serveWithLocalDatabase } from './local-server';
import { startGroup } from './processes';
import { workerEnvArgs } from './worker-env';

const workerEnv = workerEnvArgs();
process.on('exit', workerEnv.cleanup);

await serveWithLocalDatabase(async (env) =>
  startGroup('npx', ['remix', 'vite:dev', '--host', '127.0.0.1'], {
    env: workerEnv.files
      ? { ...env, JOBTRACK_WORKER_ENV_FILES: JSON.stringify(workerEnv.files) }
      : env,
  }),
);
