import { resolve } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { runMigrations } from './migrate';

/**
 * The database for `npm start` / `npm run dev`: DATABASE_URL if set, otherwise the embedded
 * PostgreSQL 17 with its data in .data/postgres (kept across restarts). Migrations applied.
 */
export async function prepareLocalDatabase(): Promise<{
  url: string;
  embedded?: EmbeddedDatabase;
}> {
  let url = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!url) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const dir = resolve(process.env.EMBEDDED_PG_DIR ?? '.data/postgres');
    console.log(`Starting embedded PostgreSQL 17 on 127.0.0.1:${port} (data in ${dir})…`);
    embedded = await startEmbeddedPostgres(dir, port);
    await ensureDatabase(embedded.serverUrl, 'jobtrack');
    url = embedded.urlFor('jobtrack');
  }
  await runMigrations(url);
  console.log('Database ready, migrations applied.');
  return { url, embedded };
}

/** The environment that points wrangler's local Hyperdrive binding at `url`. */
export const hyperdriveEnv = (url: string) => ({
  ...process.env,
  CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: url,
  // Offline, wrangler's fetch of the `request.cf` placeholder data only prints a stack trace.
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
});

/**
 * The rest of `wrangler dev`'s environment: the Worker bundled with React's production build, as
 * `wrangler deploy` bundles it (wrangler dev otherwise picks React's development build, which
 * renders each page more slowly). Not for `remix vite:dev`, whose JSX needs the development build.
 */
export const PRODUCTION_WORKER = { NODE_ENV: 'production' } as const;
