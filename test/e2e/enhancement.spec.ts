import type { Page } from '@playwright/test';
import { isoDaysFromNow, jobTrack } from './support/app';
import { expect, test } from './support/fixtures';
import { javaScriptDisabled, withScriptablePage } from './support/mirror';

// A marker on `window` survives client-side navigation and vanishes on a full document load.
const setMarker = (page: Page) =>
  page.evaluate(() => ((window as any).__jobtrackMarker = 'still here'));
const marker = (page: Page) => page.evaluate(() => (window as any).__jobtrackMarker ?? null);

test('with JavaScript, adding an application and changing its status never reload the page', async ({
  page,
  signedIn,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript every form is a full page load by design.');
  const app = jobTrack(page, { audit: false });
  await signedIn({ label: 'spa' });
  await app.openList();
  await setMarker(page);

  await app.addApplication({ company: 'Quiet Co', role: 'Archivist', status: 'Saved' });
  expect(await marker(page)).toBe('still here');

  await page.getByRole('link', { name: 'Applications', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  const select = page.getByLabel('Status for Archivist at Quiet Co', { exact: true });
  const row = page.locator('form').filter({ has: select });
  await select.selectOption({ label: 'Offer' });
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/applications'),
  );
  await row.getByRole('button', { name: 'Update' }).click();
  expect((await saved).ok()).toBe(true);
  // The change is done when the row stops saying "Updating…"; the history proves it was saved.
  await expect(row.getByText('Updating…')).toHaveCount(0);
  await page.getByRole('link', { name: 'Archivist at Quiet Co', exact: true }).click();
  const history = page.getByRole('region', { name: 'Status history' }).getByRole('listitem');
  await expect(history.first()).toContainText('Offer');
  expect(await marker(page)).toBe('still here');
});

test('with JavaScript, focus moves to the new page: its main region, or the part its address names', async ({
  page,
  signedIn,
}) => {
  test.skip(
    javaScriptDisabled(),
    'Without JavaScript each page loads afresh, which the browser announces.',
  );
  const app = jobTrack(page, { audit: false });
  await signedIn({ label: 'focus' });
  await app.openList();
  await app.addApplication({
    company: 'Leeds Teaching Hospitals NHS Trust',
    role: 'Staff Nurse (Band 5)',
    status: 'Applied',
  });
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      return active?.id || active?.tagName.toLowerCase();
    });
  // The form and its button are gone: focus is on the application's page, not the body.
  await expect.poll(focused).toBe('main');

  await page.getByRole('link', { name: 'Add an interview or date' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add an interview or date' }),
  ).toBeVisible();
  await expect.poll(focused).toBe('main');
  const [year, month, day] = isoDaysFromNow(6).split('-') as [string, string, string];
  await app.fillDate('Date', day, month, year);
  await page.getByLabel('Time (UK)').fill('10:30');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  // Back on the application at #events: the card with the new date.
  await expect(page).toHaveURL(/#events$/);
  await expect.poll(focused).toBe('events');

  // A status change stays on the page, where it was: focus stays on its button. On a phone the
  // status card is above #events, where the page is now.
  await page.setViewportSize({ width: 390, height: 844 });
  // Hydrated: the form says so to its action, which then leaves the scroll alone.
  await expect(page.locator('#status-change input[name="stay"]').first()).toBeAttached();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Offer' });
  // Where the press happens (a click first scrolls its button into view).
  await page.getByRole('button', { name: 'Update status' }).scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Update status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved to Offer' })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Update status');
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('saving after being signed out elsewhere keeps everything typed, and saves after signing in again', async ({
  page,
  signedIn,
}) => {
  const app = jobTrack(page, { audit: false });
  const { email, password } = await signedIn({ label: 'expired' });
  await page.goto('/applications/new');
  await app.fillApplication({ company: 'Slow Writer Ltd', role: 'Editor', notes: 'A long draft' });

  // Another tab signs out: the session ends on the server while this form is open.
  const other = await page.context().newPage();
  await other.goto('/');
  await jobTrack(other, { audit: false }).signOut();
  await other.close();
  await page.getByRole('button', { name: 'Save application' }).click();

  // With or without JavaScript: the same page, every value still there, and a way back in.
  await expect(page.getByText(/signed out, so this was not saved/)).toBeVisible();
  await expect(page).toHaveURL(/\/applications\/new(\?key=[0-9a-f-]{36})?$/);
  await expect(page.getByLabel('Company')).toHaveValue('Slow Writer Ltd');
  await expect(page.getByLabel('Notes')).toHaveValue('A long draft');
  const signIn = page.getByRole('link', { name: 'Sign in again in a new tab' });
  await expect(signIn).toHaveAttribute('target', '_blank');
  await jobTrack(page).landed();

  const [tab] = await Promise.all([page.context().waitForEvent('page'), signIn.click()]);
  await tab.waitForLoadState();
  await jobTrack(tab, { audit: false }).signIn(email, password, { goto: false });
  await jobTrack(tab, { audit: false }).expectDashboard();
  await tab.close();

  await page.getByRole('button', { name: 'Save application' }).click();
  await jobTrack(page, { audit: false }).expectApplicationPage({
    company: 'Slow Writer Ltd',
    role: 'Editor',
  });
  await expect(page.getByRole('main')).toContainText('A long draft');
});

test('on a 360 px phone no page of the tracker scrolls sideways', async ({ page, signedIn }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = jobTrack(page, { audit: false });
  await signedIn({ label: 'phone' });
  await app.openList();
  // Long names are the usual culprit, so use a real-world long one.
  await app.addApplication({
    company: 'Royal Borough of Kensington and Chelsea',
    role: 'Principal Environmental Health Practitioner',
    status: 'Interviewing',
    closingDate: isoDaysFromNow(30),
    advertUrl:
      'https://www.example.gov.uk/jobs/principal-environmental-health-practitioner-ref-0123456789',
  });
  const detail = new URL(page.url()).pathname;
  for (const path of ['/applications', '/', '/applications/new', '/applications/board', detail]) {
    await page.goto(path);
    const width = await withScriptablePage(page, (target) =>
      target.evaluate(() => document.scrollingElement!.scrollWidth),
    );
    expect(width, `scroll width of ${path}`).toBeLessThanOrEqual(360);
  }
});

test('a form page loads its checks (zod) only when the form is first used, then checks in the browser', async ({
  page,
  signedIn,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript the server checks every form.');
  await signedIn({ label: 'lazy-checks' });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const posts: string[] = [];
  page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
  await page.goto('/applications/new');
  await page.waitForLoadState('networkidle');
  const schemaChunk = (path: string) => /\/application-schema-[\w-]+\.js$/.test(path);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter(schemaChunk)).toEqual([]);
  // The fields already carry what the schema says (required, lengths) without it.
  await expect(page.getByLabel('Company', { exact: true })).toHaveAttribute('required', '');

  await page.getByLabel('Company', { exact: true }).fill('Leeds Teaching Hospitals NHS Trust');
  await expect(page.locator('form#application')).toHaveAttribute('data-checks-ready', '');
  expect(scripts.some(schemaChunk)).toBe(true);
  await page.getByRole('button', { name: 'Save application' }).click();
  await expect(page.getByText('Enter the role').first()).toBeVisible();
  expect(posts).toEqual([]);
});
