import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import postgres from 'postgres';
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
