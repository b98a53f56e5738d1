import { defineConfig } from '@playwright/test';

// test/e2e/run.ts starts the app and sets BASE_URL; run `npm run test:e2e`, not Playwright directly.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  testDir: 'test/e2e',
  // Two cores: one browser at a time keeps timings steady and wrangler unstarved.
  workers: 1,
  fullyParallel: false,
  // No retries, in CI either: a test that passes only on a second try is a flake to fix, not to
  // hide (the last one, wrangler dev's ProxyWorker losing a request on a connection idle for 5 s,
  // is patched in patches/wrangler+4.86.0.patch).
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./test/e2e/support/closing-line.ts']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // A missing element fails in seconds rather than at the test's timeout.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      // Debian's Chromium, not a Playwright download.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    // Forms post as plain documents: the path people without JavaScript take.
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
});
