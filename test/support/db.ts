import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import postgres, { type Sql } from 'postgres';
import { createDb, type DbHandle } from '#db/client';

const TEMPLATE_DB = 'jobtrack_template';

/**
 * A fresh database for this test file, copied from the migrated template. Call at module level;
 * the returned object's fields are filled in before the first test runs.
 */
export function setupTestDatabase() {
  const state = {} as { url: string; handle: DbHandle; admin: postgres.Sql };
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  beforeAll(async () => {
    const serverUrl = inject('pgServerUrl');
    const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await server.unsafe(`create database "${name}" template "${TEMPLATE_DB}"`);
    await server.end();
    state.url = serverUrl.replace(/\/postgres$/, `/${name}`);
    state.handle = createDb(state.url);
    state.admin = postgres(state.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await state.handle?.close();
    await state.admin?.end();
  });
  return state;
}

/**
 * How many connections to `admin`'s database there are besides its own: a client left open by
 * the app shows here, a moment after the request or run that should have closed it.
 */
export async function otherConnections(admin: Sql): Promise<number> {
  const [row] = await admin<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`;
  return row!.n;
}

/**
 * `work` in a transaction on `admin` as `userId` under row-level security, set up as asUser sets
 * it (the claims, the single claim, the role), for SQL the app's builders cannot express: a
 * captured query with its parameters, or a database function called directly.
 */
export function asPerson<T>(
  admin: Sql,
  userId: string,
  work: (tx: postgres.TransactionSql) => Promise<T>,
) {
  return admin.begin(async (tx) => {
    const claims = JSON.stringify({ sub: userId, role: 'authenticated' });
    await tx`select set_config('request.jwt.claims', ${claims}, true),
      set_config('request.jwt.claim.sub', ${userId}, true), set_config('role', 'authenticated', true)`;
    return work(tx);
  }) as Promise<T>;
}
