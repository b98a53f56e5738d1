import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';

export const TEMPLATE_DB = 'jobtrack_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    /** 'off' in the project that runs the query tests with row-level security disabled. */
    rowLevelSecurity?: 'off';
  }
}

/**
 * One embedded PostgreSQL for the run, with a migrated template that each test file copies. It runs
 * in a child process (test/support/pg-process.ts) so that nothing it loads can change vitest's
 * exit code.
 */
export default async function setup(project: TestProject) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/pg-process.ts', TEMPLATE_DB],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const ready = await new Promise<{ serverUrl: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`The test database did not start: ${line}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`The test database exited with ${code}`)));
  });
  project.provide('pgServerUrl', ready.serverUrl);
  return async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.stdin!.end();
    await exited;
  };
}
