import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';

export const TEMPLATE_DB = 'jobtrack_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/** One embedded PostgreSQL for the run; a migrated template that each test file copies. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jobtrack-test-pg-'));
  const port = 55000 + Math.floor(Math.random() * 4000);
  const pg = await startEmbeddedPostgres(dir, port);
  await ensureDatabase(pg.serverUrl, TEMPLATE_DB);
  await runMigrations(pg.urlFor(TEMPLATE_DB));
  project.provide('pgServerUrl', pg.serverUrl);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
