import { expect, test } from 'vitest';

// Kept out of the normal run. `.ci/run` runs it first and insists that vitest exits non-zero: the
// proof that a failing test still fails the build with the test database's global setup loaded.
test('canary: this test fails on purpose', () => {
  expect(1 + 1).toBe(3);
});
