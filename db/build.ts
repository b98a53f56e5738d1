/**
 * Builds of the app in folders of their own: the benchmark, the load run and the tests build
 * there, so a running `npm start` (which serves build/) is never rebuilt underneath.
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { run } from './processes';

const root = resolve(import.meta.dirname, '..');

/** Builds the app into `dir` (client assets, server build, and a Worker entry that serves it). */
export async function buildInto(dir: string) {
  await run('npx', ['remix', 'vite:build'], {
    env: { ...process.env, JOBTRACK_BUILD_DIR: resolve(root, dir) },
    cwd: root,
  });
  writeEntry(dir);
}

/** Writes `dir`/worker.ts, the Worker entry for the build in `dir`. */
export function writeEntry(dir: string) {
  const folder = resolve(root, dir);
  const worker = relative(folder, join(root, 'app/http/worker.server')).replaceAll('\\', '/');
  writeFileSync(
    join(folder, 'worker.ts'),
    [
      '// Written by db/build.ts: the Worker for the build in this folder.',
      "import type { ServerBuild } from '@remix-run/cloudflare';",
      "import * as build from './server/index.js';",
      `import { workerFor } from '${worker}';`,
      'export default workerFor(build as unknown as ServerBuild);',
      '',
    ].join('\n'),
  );
}
