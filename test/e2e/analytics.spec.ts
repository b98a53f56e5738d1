import type { Page } from '@playwright/test';
import { ANALYTICS_EVENTS } from '~/analytics/events';
import { jobTrack } from './support/app';
import { receivedByPostHog } from './support/fake-posthog';
import { expect, test } from './support/fixtures';
import { javaScriptDisabled } from './support/mirror';

// The browser tests run with POSTHOG_KEY set and POSTHOG_HOST pointing at a fake PostHog on
// 127.0.0.1 (test/e2e/run.ts). These journeys read back everything the pages sent to it.

const SECRETS = {
  company: 'Quetzal Orchard Holdings',
  role: 'Senior Zephyr Cartographer',
  notes: 'Ring Ottoline about the Pemberton brief',
  experience: 'Nine years of Marmalade Ledger reconciliation',
};

// posthog-js drops events from browsers that look like bots (a HeadlessChrome user agent or
// brand, navigator.webdriver): these tests browse as the desktop Chrome that people use.
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const LOOK_HUMAN = `
  Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });
  Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => undefined });
`;
test.use({ userAgent: USER_AGENT });
test.beforeEach(async ({ context }) => {
  await context.addInitScript(LOOK_HUMAN);
});

async function sentSince(before: number) {
  return (await receivedByPostHog()).slice(before);
}

async function journey(page: Page, email: string, before: number) {
  const app = jobTrack(page, { audit: false });
  const main = page.getByRole('main');
  await app.openList();
  await app.addApplication({
    company: SECRETS.company,
    role: SECRETS.role,
    status: 'Saved',
    notes: SECRETS.notes,
  });
  const applicationId = new URL(page.url()).pathname.split('/').pop()!;
  await main.getByLabel('Status', { exact: true }).selectOption('applied');
  await main.getByRole('button', { name: 'Update status' }).click();
  await expect(main.getByLabel('Status', { exact: true })).toHaveValue('applied');

  await page.goto('/statements/new?kind=cover_letter');
  await main.getByLabel('Job title', { exact: true }).fill(SECRETS.role);
  await main.getByLabel('Employer', { exact: true }).fill(SECRETS.company);
  await main.getByLabel('Your relevant experience').fill(SECRETS.experience);
  await main.getByRole('button', { name: 'Generate draft' }).click();
  // With JavaScript the panel says so; without, the answer page's heading does.
  await expect(page.getByText(/saved as Version 1/i).first()).toBeVisible({ timeout: 30_000 });
  // posthog-js sends in batches: the generation's event must have left before the navigation
  // below, which could otherwise drop the batch it waits in.
  if (!javaScriptDisabled()) {
    await expect
      .poll(async () => JSON.stringify(await sentSince(before)), { timeout: 15_000 })
      .toContain('statement_generated');
  }

  await page.goto('/account?notice=x&email=' + encodeURIComponent(email));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('link', { name: 'Download all your data (JSON)' }).click(),
  ]);
  await download.cancel();
  await page.goto('/privacy');
  return { applicationId };
}

test('analytics send only named events and bare page kinds: no email, company, role, note or statement text, no cookie', async ({
  page,
  context,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const before = (await receivedByPostHog()).length;
  const { email } = await signedIn({ label: 'analytics' });
  const ids = await journey(page, email, before);
  // posthog-js sends in batches: give it time to flush before reading what arrived.
  await page.waitForTimeout(javaScriptDisabled() ? 1_000 : 4_000);
  const sent = await sentSince(before);

  if (javaScriptDisabled()) {
    expect(sent, 'without JavaScript nothing is sent').toEqual([]);
    return;
  }
  expect(sent.length).toBeGreaterThan(0);
  const everything = JSON.stringify(sent);
  for (const secret of [email, email.split('@')[0]!, ...Object.values(SECRETS)]) {
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(encodeURIComponent(secret));
  }
  expect(everything).not.toContain(ids.applicationId);
  expect(everything).not.toContain('notice=');
  expect(everything).not.toContain('jobtrack_session');
  for (const request of sent) expect(request.cookie).toBeNull();

  const events = sent.flatMap((r) =>
    [...r.body.matchAll(/"event"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!),
  );
  const allowed = new Set<string>([...ANALYTICS_EVENTS, '$pageview']);
  expect(events.filter((e) => !allowed.has(e))).toEqual([]);
  for (const named of [
    'application_created',
    'status_changed',
    'statement_generated',
    'data_exported',
  ]) {
    expect(events).toContain(named);
  }
  expect(events).toContain('$pageview');
  const urls = sent.flatMap((r) =>
    [...r.body.matchAll(/"\$current_url"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!),
  );
  expect(urls).toContain(`${new URL(page.url()).origin}/applications/:id`);
  for (const url of urls) {
    expect(url).not.toMatch(/[?#]/);
    expect(url).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  }

  // Nothing stored in the browser by analytics: no cookie (the fixture checks), no storage.
  const stored = await page.evaluate(() => [
    ...Object.keys(localStorage),
    ...Object.keys(sessionStorage),
  ]);
  // "positions" is Remix's scroll restoration (sessionStorage), not analytics.
  expect(stored.filter((key) => key !== 'positions')).toEqual([]);
  expect((await context.cookies()).map((c) => c.name)).toEqual(['jobtrack_session']);
});

test('a link carrying a PostHog toolbar hash stores nothing in the browser', async ({
  page,
  signedIn,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript analytics never run.');
  test.setTimeout(60_000);
  await signedIn({ label: 'analytics-toolbar' });
  // posthog-js's toolbar takes a hash whose token is the project's key (test/e2e/run.ts).
  const state = {
    action: 'ph_authorize',
    token: 'phc_e2e_fake',
    temporaryToken: 'tmp',
    userIntent: 'add-action',
  };
  const before = (await receivedByPostHog()).length;
  await page.goto(`/applications#__posthog=${encodeURIComponent(btoa(JSON.stringify(state)))}`);
  // Wait until analytics have started (the page view arrived), so posthog-js has read the hash.
  await expect
    .poll(async () => (await sentSince(before)).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const stored = await page.evaluate(() => [
    ...Object.keys(localStorage),
    ...Object.keys(sessionStorage),
  ]);
  expect(stored.filter((key) => key !== 'positions')).toEqual([]);
});

test('the footer switch, Do Not Track and Global Privacy Control each stop analytics', async ({
  page,
  browser,
  signedIn,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript analytics never run (the test above).');
  test.setTimeout(120_000);
  await signedIn({ label: 'analytics-off' });
  await page.goto('/privacy');
  await page.getByRole('button', { name: 'Turn analytics off' }).click();
  await expect(page.getByText('Anonymous analytics are off in this browser.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('footer-switch.png') });
  // This page's view, captured before the switch, may still be on its way.
  await page.waitForTimeout(4_000);
  const before = (await receivedByPostHog()).length;
  await page.goto('/applications');
  await page.goto('/account');
  await page.waitForTimeout(3_000);
  expect(await sentSince(before)).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['jobtrack-analytics']);

  for (const [signal, script] of [
    [
      'Global Privacy Control',
      "Object.defineProperty(navigator, 'globalPrivacyControl', { value: true })",
    ],
    ['Do Not Track', "Object.defineProperty(navigator, 'doNotTrack', { value: '1' })"],
  ] as const) {
    const other = await browser.newContext({ userAgent: USER_AGENT });
    await other.addInitScript(LOOK_HUMAN);
    await other.addInitScript(script);
    const tab = await other.newPage();
    const start = (await receivedByPostHog()).length;
    await tab.goto(new URL('/privacy', page.url()).href);
    await expect(
      tab.getByText('Analytics are off: your browser asks sites not to track it.'),
    ).toBeVisible();
    await tab.goto(new URL('/signin', page.url()).href);
    await tab.waitForTimeout(3_000);
    expect(await sentSince(start), signal).toEqual([]);
    await other.close();
  }
});
