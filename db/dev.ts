/**
 * `npm run dev`: Vite's dev server with hot reload (loaders run in Node through Remix's Cloudflare
 * dev proxy) on the same database as `npm start`. Ctrl-C stops everything it started.
 */
import { serveWithLocalDatabase } from './local-server';
import { startGroup } from './processes';

await serveWithLocalDatabase(async (env) =>
  startGroup('npx', ['remix', 'vite:dev', '--host', '127.0.0.1'], { env }),
);
