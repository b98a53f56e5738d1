/**
 * `npm run test:e2e`: the browser journeys in Chromium against `wrangler dev` on a throwaway
 * embedded PostgreSQL. Without Chromium it skips loudly, except in CI, where that is a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startFakeAnthropic, type FakeAnthropic } from './support/fake-anthropic';
import { startFakePostHog, type FakePostHog } from './support/fake-posthog';
import { startStack, stopAllStacks } from './support/stack';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');

if (!existsSync(chromium)) {
  const banner = '!'.repeat(72);
  if (inCI) {
    console.error(
      `${banner}\nCI: Chromium not found at ${chromium}; the browser tests cannot run.\n${banner}`,
    );
    process.exit(1);
  }
  console.warn(
    [
      banner,
      '!!  BROWSER TESTS SKIPPED: no Chromium at ' + chromium,
      '!!  The end-to-end journeys did NOT run. Install it (apt-get install -y chromium)',
      '!!  or set CHROMIUM_PATH, then run `npm run test:e2e`.',
      banner,
    ].join('\n'),
  );
  process.exit(0);
}

let playwright: ChildProcess | undefined;
let fake: FakeAnthropic | undefined;
let fakePostHog: FakePostHog | undefined;
let exiting = false;

async function finish(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    // Ctrl-C reaches Playwright itself (same terminal group); a lone SIGTERM to us does not.
    if (playwright && playwright.exitCode === null) playwright.kill('SIGTERM');
    await stopAllStacks();
    await fake?.stop();
    await fakePostHog?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));

try {
  // Claude, faked on loopback: the Worker reaches it the way it would reach Anthropic.
  fake = await startFakeAnthropic();
  // PostHog too: every journey runs with analytics on, sending to this fake, so the analytics
  // test can read everything the pages sent (test/e2e/analytics.spec.ts).
  fakePostHog = await startFakePostHog();
  const stack = await startStack({
    buildDir: '.cache/e2e',
    build: true,
    workerEnv: {
      ANTHROPIC_API_KEY: 'sk-ant-e2e-fake',
      ANTHROPIC_BASE_URL: fake.url,
      // Room for every journey; the limit itself is held by the integration tests.
      STATEMENT_GENERATIONS_PER_HOUR: '200',
      POSTHOG_KEY: 'phc_e2e_fake',
      // Another host name than the app's 127.0.0.1, as PostHog's is in production: cookies are
      // kept per host, not per port, so on 127.0.0.1 the browser would send the app's cookie.
      POSTHOG_HOST: fakePostHog.url.replace('127.0.0.1', 'localhost'),
    },
  });
  console.log(`\nJobTrack is up at ${stack.baseUrl}; running Playwright…\n`);
  playwright = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      BASE_URL: stack.baseUrl,
      // For fixtures that arrange data directly (test/e2e/support/fixtures.ts).
      E2E_DATABASE_URL: stack.databaseUrl,
      CHROMIUM_PATH: chromium,
      FAKE_ANTHROPIC_URL: fake.url,
      FAKE_POSTHOG_URL: fakePostHog.url,
    },
  });
  const child = playwright;
  const code = await new Promise<number>((done) => {
    child.once('error', () => done(1));
    child.once('exit', (status) => done(status ?? 1));
  });
  await finish(code);
} catch (error) {
  console.error('End-to-end setup failed:', error instanceof Error ? error.message : error);
  await finish(1);
}
