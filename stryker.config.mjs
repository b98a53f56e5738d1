// `npm run mutate`: StrykerJS over the code that guards people's data and accounts. Not part of
// `npm test` (it reruns the covering tests once per mutant). Sized for a shared 2-core machine:
// each mutant runs only the tests that reach it (perTest coverage), two runners at most.
// Results: reports/mutation/index.html; scores and the survivors we keep are in docs/testing.md.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'app/auth/**/*.ts',
    // A list of 1,000 words: mutating each string says nothing about the code.
    '!app/auth/common-passwords.ts',
    'app/http/**/*.ts',
    'app/db.server.ts',
    'app/applications/queries.server.ts',
    'app/applications/mutations.server.ts',
  ],
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
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // A second run retests only what changed since the first.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['/build', '/dist', '/.data', '/.wrangler', '/reports', '/test-results'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
