import { expect, test } from '@playwright/test';

// Kept out of the normal run. `.ci/run` runs it through test/e2e/run.ts (the stack, Playwright, the
// teardown) and insists on a non-zero exit: the proof that a failing browser test fails the build.
test('canary: this browser test fails on purpose', async ({ page }) => {
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  expect(1 + 1).toBe(3);
});
