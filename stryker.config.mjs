// `npm run mutate`: StrykerJS over the code that guards people's data and accounts. Not part of
// `npm test` (it reruns the covering tests once per mutant). Sized for a shared 2-core machine:
// each mutant runs only its part's own tests that reach it (test/mutation/scopes.mjs, perTest
// coverage), two runners at most. `MUTATE_SCOPE=auth npm run mutate` runs one part.
// Results: reports/mutation/index.html; scores and the survivors we keep are in docs/testing.md.

import process from 'node:process';
import { chosenScopes } from './test/mutation/scopes.mjs';

// One part's run keeps its own report and incremental file, so parts can run on different days.
const part = process.env.MUTATE_SCOPE ? `-${process.env.MUTATE_SCOPE.replaceAll(',', '-')}` : '';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: chosenScopes().flatMap((scope) => scope.mutate),
  concurrency: 2,
  // Mutants in module-level code (constants, schemas built at import) have no per-test coverage, so
  // each would rerun every related test: 16% of the mutants, most of the time (3 h+ here). They
  // are left out; the values they would change are pinned by unit tests (docs/testing.md).
  ignoreStatic: true,
  // Integration tests wait for PostgreSQL; an infinite loop is still caught well within a minute.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // The first full run, with coverage per test, takes minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation${part}/index.html` },
  jsonReporter: { fileName: `reports/mutation${part}/mutation.json` },
  // A second run retests only what changed since the first.
  incremental: true,
  incrementalFile: `reports/stryker-incremental${part}.json`,
  ignorePatterns: ['/build', '/dist', '/.data', '/.wrangler', '/reports', '/test-results'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
