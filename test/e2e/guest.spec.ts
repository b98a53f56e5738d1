import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { formatDate } from '~/applications/dates';
import { newApplication } from '~/guest/records';
import { emptyDocument, STORAGE_VERSION } from '~/guest/storage';
import type { ExportedApplication } from '~/portability/format';
import { MAX_IMPORT_BYTES } from '~/portability/import-schema';
import { isoDaysFromNow, jobTrack, uniqueEmail } from './support/app';
import { expect, PASSWORD, test } from './support/fixtures';
import { javaScriptDisabled } from './support/mirror';

// Guest mode (issue 11): the whole tracker in the browser's localStorage. Every request the page
// makes is recorded and searched for the guest's data; the only request allowed to carry it is
// the move into an account, explicit and after sign-in.

const NHS = {
  company: 'Leeds Teaching Hospitals NHS Trust',
  role: 'Staff Nurse – Ward 12 Cardiology',
  grade: 'Band 5',
  reference: 'C9-2611-4471',
  location: 'St James’s University Hospital, Leeds',
  source: 'NHS Jobs',
  salaryMin: '29,970',
  salaryMax: '36,483',
  notes: 'Asked Sister Okafor about the preceptorship rotation',
};
const DWP = {
  company: 'Department for Work and Pensions',
  role: 'Work Coach Executive Officer',
  grade: 'EO',
  reference: 'DWP-381204',
  location: 'Sheffield Jobcentre',
  source: 'Civil Service Jobs',
  salaryMin: '30,611',
  salaryMax: '32,975',
  notes: 'Success Profiles: Delivering at Pace and Managing a Quality Service examples',
};
const COUNCIL = { company: 'Bristol City Council', role: 'Housing Options Caseworker' };
/** The DWP interview: a Civil Service panel by video. */
const INTERVIEW = {
  place: 'Microsoft Teams, panel of three',
  notes: 'Panel chair: Mrs Adeyemi, HEO. Prepare a STAR example on Seeing the Big Picture',
};

/** Strings that are the guest's data: none may appear in any request. */
const SECRETS = [
  NHS.company,
  NHS.role,
  NHS.reference,
  'Okafor',
  'preceptorship',
  DWP.company,
  DWP.role,
  DWP.reference,
  'Delivering at Pace',
  COUNCIL.company,
  COUNCIL.role,
  'Cardiology',
  '36483',
  INTERVIEW.place,
  'Adeyemi',
  'Seeing the Big Picture',
];

type Recorded = { url: string; headers: string; body: string };

/** Records every request the browser makes from now on, with its headers and body. */
function recordRequests(context: BrowserContext) {
  const requests: Array<Promise<Recorded>> = [];
  context.on('request', (request) => {
    const body = request.postDataBuffer()?.toString('utf8') ?? '';
    requests.push(
      request.allHeaders().then(
        (headers) => ({ url: request.url(), headers: JSON.stringify(headers), body }),
        // A request still in flight when the test ends can no longer give its full headers (and
        // an unhandled rejection would fail a test that passed): the ones it was sent with stand.
        () => ({ url: request.url(), headers: JSON.stringify(request.headers()), body }),
      ),
    );
  });
  return async () => Promise.all(requests);
}

/** Every request that holds one of the guest's strings, raw or URL-encoded. */
function leaks(requests: Recorded[]) {
  const found: string[] = [];
  for (const r of requests) {
    const text = [r.url, safeDecode(r.url), r.headers, r.body, safeDecode(r.body)]
      .join('\n')
      .toLowerCase();
    for (const secret of SECRETS) {
      const needles = [secret, encodeURIComponent(secret), secret.replaceAll(' ', '+')];
      if (needles.some((n) => text.includes(n.toLowerCase()))) found.push(`${secret} in ${r.url}`);
    }
  }
  return found;
}

/** Every id (application or history entry) in the guest's stored data. */
async function guestIds(page: Page): Promise<string[]> {
  const raw = await page.evaluate(() => localStorage.getItem('jobtrack-guest') ?? '');
  return raw.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
}

/** Every request whose URL, headers or body holds one of these ids. */
function carryingIds(requests: Recorded[], ids: Iterable<string>) {
  const all = [...ids];
  return requests
    .filter((r) => all.some((id) => [r.url, r.headers, r.body].some((t) => t.includes(id))))
    .map((r) => r.url);
}

function safeDecode(text: string) {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

async function photograph(page: Page, label: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: test.info().outputPath(`${label}-${width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function download(page: Page, name: string | Locator) {
  const button = typeof name === 'string' ? page.getByRole('button', { name, exact: true }) : name;
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const boardColumn = (page: Page, status: string) =>
  page.getByRole('main').getByRole('region', { name: new RegExp(`^${status} \\d+$`) });

const banner = (page: Page) => page.getByRole('complementary', { name: 'Guest mode' });
const guestNav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Guest pages' }).getByRole('link', { name, exact: true });

/** The summaries of a calendar file's events, read with a maintained parser. */
const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).summary);

/** Adds an interview to the application whose page is open, on the day `days` from now. */
/**
 * Waits until everything guest mode preloads as it opens (each page's code, styles and data) has
 * arrived: its links render together once Remix has found the routes, so the same number of them
 * twice running, each with a finished resource entry, means none is still on its way.
 */
async function preloadsArrived(page: Page) {
  let seen = -1;
  await expect
    .poll(
      async () => {
        const ready = await page.evaluate(() => {
          const arrived = new Set(performance.getEntriesByType('resource').map((e) => e.name));
          const links = [
            ...document.querySelectorAll<HTMLLinkElement>(
              'link[rel="prefetch"], link[rel="modulepreload"]',
            ),
          ];
          return links.every((l) => arrived.has(l.href)) ? links.length : -1;
        });
        const settled = ready > 0 && ready === seen;
        seen = ready;
        return settled;
      },
      { timeout: 20_000, intervals: [250] },
    )
    .toBe(true);
}

/**
 * Takes the browser offline and returns the requests that fail from then on. Any request that
 * needs the network fails at once (the browser's own cache still answers, as it would on a train).
 */
async function goOffline(page: Page, context: BrowserContext): Promise<string[]> {
  const failed: string[] = [];
  // The browser fetches the tab's icon itself after each page change; a missing icon costs nothing.
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname !== '/favicon.svg') failed.push(request.url());
  });
  await context.setOffline(true);
  return failed;
}

/** The one-step status change from a list row. */
async function changeRowStatus(
  main: Locator,
  job: { company: string; role: string },
  status: string,
) {
  await main.getByLabel(`Status for ${job.role} at ${job.company}`).selectOption({ label: status });
  await main
    .locator('li', { hasText: job.company })
    .getByRole('button', { name: 'Update' })
    .click();
}

/** A guest store holding `applications`, as the storage module writes it. */
const storedGuest = (applications: ExportedApplication[]) =>
  JSON.stringify({ version: STORAGE_VERSION, data: { ...emptyDocument(), applications } });

async function addInterview(page: Page, days: number, time: string) {
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'Add an interview or date' }).click();
  await expect(page).toHaveURL(/\/guest\/application\/events\/new#[0-9a-f-]{36}$/);
  const [year, month, day] = isoDaysFromNow(days).split('-');
  await jobTrack(page).fillDate('Date', day!, month!, year!);
  await main.getByLabel('Time (UK)').fill(time);
  await main.getByLabel('How').selectOption('Video call');
  await main.getByLabel('Place').fill(INTERVIEW.place);
  await main.getByLabel('Notes').fill(INTERVIEW.notes);
  await main.getByRole('button', { name: 'Add', exact: true }).click();
}

test.describe('with JavaScript', () => {
  test.skip(
    () => javaScriptDisabled(),
    'Guest mode needs JavaScript; the no-js test below says so.',
  );

  test('a guest keeps a whole job search in this browser and no request carries any of it', async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000);
    const recorded = recordRequests(context);
    const app = jobTrack(page);
    const main = page.getByRole('main');

    await page.goto('/');
    await page.getByRole('link', { name: 'Use it without an account' }).click();
    await expect(page).toHaveURL(/\/guest$/);
    await expect(banner(page)).toContainText('kept only in this browser');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await app.landed();

    await page.getByRole('link', { name: 'Add application' }).first().click();
    await app.fillApplication({ ...NHS, status: 'Saved', closingDate: isoDaysFromNow(5) });
    await main.getByRole('button', { name: 'Save application' }).click();
    await app.expectApplicationPage(NHS);
    await expect(main).toContainText('£29,970 to £36,483');

    await page.goto('/guest/applications');
    await app.addApplication({
      ...DWP,
      status: 'Applied',
      dateApplied: isoDaysFromNow(-2),
      closingDate: isoDaysFromNow(10),
      closingTime: '23:55',
    });
    await page.goto('/guest/applications');
    await app.addApplication({ ...COUNCIL, closingDate: isoDaysFromNow(-3) });

    // A refused form keeps what was typed, with the message beside the field.
    await page.goto('/guest/applications/new');
    await app.fillApplication({ company: 'Acme', role: '', salaryMin: 'lots' });
    await main.getByRole('button', { name: 'Save application' }).click();
    await expect(main.getByText('Enter the role (the job title)').first()).toBeVisible();
    await expect(main.getByLabel('Company', { exact: true })).toHaveValue('Acme');

    // Status change and its history, on the application's page.
    await page.goto('/guest/applications');
    await main.getByRole('link', { name: `${NHS.role} at ${NHS.company}` }).click();
    await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Interviewing' });
    await main.getByRole('button', { name: 'Update status' }).click();
    const history = main.getByRole('region', { name: 'Status history' });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history).toContainText('from Saved');
    const said = main.getByRole('status').filter({ hasText: 'Moved to Interviewing from Saved' });
    await expect(said.getByRole('link', { name: 'change the date' })).toHaveAttribute(
      'href',
      /^\/guest\/application\/history#/,
    );
    // A mistaken move is undone as in an account: the history is as it was.
    await main.getByRole('button', { name: 'Undo this move' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'The move was undone' })).toBeVisible();
    await expect(main.getByLabel('Status', { exact: true })).toHaveValue('saved');
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Interviewing' });
    await main.getByRole('button', { name: 'Update status' }).click();
    await expect(history.getByRole('listitem')).toHaveCount(2);

    // An edit keeps the rest.
    await main.getByRole('link', { name: 'Edit' }).click();
    await main.getByLabel('Location', { exact: true }).fill('Leeds General Infirmary');
    await main.getByRole('button', { name: 'Save application' }).click();
    await expect(main).toContainText('Leeds General Infirmary');
    await expect(main).toContainText(NHS.notes);

    // The id is in the fragment: a reload, back and forward, and a new tab all find the record.
    await page.reload();
    await app.expectApplicationPage(NHS);
    await expect(main).toContainText('Leeds General Infirmary');
    await main.getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL(/\/guest\/application\/edit#[0-9a-f-]{36}$/);
    await expect(main.getByLabel('Location', { exact: true })).toHaveValue(
      'Leeds General Infirmary',
    );
    await page.goBack();
    await app.expectApplicationPage(NHS);
    await page.goForward();
    await expect(main.getByLabel('Location', { exact: true })).toHaveValue(
      'Leeds General Infirmary',
    );
    await page.goBack();
    await app.expectApplicationPage(NHS);

    // Search, filter and sort, all in the browser: the URL's search string stays empty.
    await page.getByRole('link', { name: 'Back to list' }).click();
    await main.getByLabel('Search', { exact: true }).fill('Work Coach');
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(main.getByText('1 application matches')).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toContain('q=Work+Coach');
    await app.landed();
    await page.getByRole('link', { name: /^All statuses/ }).click();
    await main.getByLabel('Search', { exact: true }).fill('');
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(main.getByText('3 applications')).toBeVisible();
    await app.openFilters();
    await main.getByLabel('Sort by').selectOption({ label: 'Closing date' });
    await main.getByRole('button', { name: 'Apply' }).click();
    const titles = main.locator('.app-row__title');
    // Open adverts first, soonest closing at the top, then the one that has closed.
    await expect(titles).toHaveText([
      `${NHS.role} at ${NHS.company}`,
      `${DWP.role} at ${DWP.company}`,
      `${COUNCIL.role} at ${COUNCIL.company}`,
    ]);

    // The one-step status change from a row stays on the sorted view, and says what moved, the
    // move named in the fragment (never sent); undone, and done again.
    const moved = main.locator('.move-notice');
    await changeRowStatus(main, COUNCIL, 'Rejected');
    await expect(page).toHaveURL(/#sort=closing&moved=[0-9a-f-]{36}-\d+$/);
    await expect(moved).toHaveText(
      new RegExp(`^${COUNCIL.role} at ${COUNCIL.company} moved to Rejected, from [A-Za-z]+\\.`),
    );
    await moved.getByRole('button', { name: 'Undo this move' }).click();
    await expect(main.getByText(/^The move was undone/)).toBeVisible();
    await expect(page).toHaveURL(/\/guest\/applications#sort=closing&undone=1$/);
    await expect(main.getByRole('link', { name: /^Rejected/ })).toContainText('0');
    await changeRowStatus(main, COUNCIL, 'Rejected');
    await expect(main.getByRole('link', { name: /^Rejected/ })).toContainText('1');
    await moved.getByRole('link', { name: 'Close' }).click();
    await expect(page).toHaveURL(/\/guest\/applications#sort=closing$/);
    await expect(moved).toHaveCount(0);
    await photograph(page, 'guest-list');

    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      main
        .getByRole('link', { name: `${DWP.role} at ${DWP.company}` })
        .click({ modifiers: ['ControlOrMeta'] }),
    ]);
    await jobTrack(tab, { audit: false }).expectApplicationPage(DWP);
    await expect(tab.getByRole('main')).toContainText(DWP.notes);
    await tab.close();

    // Delete (its id, gone from storage afterwards, is kept for the check below).
    const idsBeforeDelete = await guestIds(page);
    await main.getByRole('link', { name: `${COUNCIL.role} at ${COUNCIL.company}` }).click();
    await main.getByRole('link', { name: 'Delete' }).click();
    await main.getByRole('button', { name: 'Delete application' }).click();
    await expect(main.getByText('2 applications')).toBeVisible();

    // Reloaded, everything is still there.
    await page.reload();
    await expect(main.getByText('2 applications')).toBeVisible();

    // The DWP application was added as Applied two days ago: chase 14 days after applying.
    await main.getByRole('link', { name: `${DWP.role} at ${DWP.company}` }).click();
    const followUp = main.getByRole('region', { name: 'Follow up' });
    await expect(followUp).toContainText(`Chase if no reply by ${formatDate(isoDaysFromNow(12))}`);
    // Removed and set again with one press, in the browser alone.
    await followUp.getByRole('button', { name: 'Remove follow-up date' }).click();
    await expect(followUp).toContainText('No follow-up date set.');
    await followUp
      .getByRole('button', { name: `Set follow-up date: ${formatDate(isoDaysFromNow(12))}` })
      .click();
    await expect(followUp).toContainText(`Chase if no reply by ${formatDate(isoDaysFromNow(12))}`);
    // An interview: refused without its date and time (what was typed kept), then added.
    await main.getByRole('link', { name: 'Add an interview or date' }).click();
    await main.getByLabel('Place').fill(INTERVIEW.place);
    await main.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(main.getByText('Enter the time, for example 14:30').first()).toBeVisible();
    await expect(main.getByLabel('Place')).toHaveValue(INTERVIEW.place);
    await app.landed();
    await photograph(page, 'guest-event-refused');
    // Leaving a form with something typed in it asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await main.getByRole('link', { name: 'Back to the application' }).click();
    await app.expectApplicationPage(DWP);
    await addInterview(page, 2, '10.30am');
    await app.expectApplicationPage(DWP);
    const events = main.getByRole('region', { name: 'Interviews and dates' });
    await expect(events).toContainText('10:30');
    await expect(events).toContainText(`Video call · ${INTERVIEW.place}`);
    await expect(main.getByRole('region', { name: 'Status history' })).toContainText('Interview');
    await app.landed();
    await photograph(page, 'guest-application-events');

    // Changed on its own page (both ids in the fragment), then in a calendar file made here.
    await events.getByRole('link', { name: /Edit or delete/ }).click();
    await expect(page).toHaveURL(/\/guest\/application\/event#[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    await expect(main.getByLabel('Place')).toHaveValue(INTERVIEW.place);
    await app.landed();
    await main.getByLabel('Time (UK)').fill('11:15');
    await main.getByRole('button', { name: 'Save changes' }).click();
    await expect(events).toContainText('11:15');
    const ics = await download(page, events.getByRole('button', { name: /Add to calendar/ }));
    expect(ics.name).toBe('jobtrack-event.ics');
    expect(summaries(ics.text)).toEqual([`Interview: ${DWP.role} at ${DWP.company}`]);
    expect(ics.text.replace(/\r\n /g, '')).toContain(
      `DTSTART;TZID=Europe/London:${isoDaysFromNow(2).replaceAll('-', '')}T111500`,
    );
    const chase = await download(page, followUp.getByRole('button', { name: /Add to calendar/ }));
    expect(summaries(chase.text)).toEqual([`Chase if no reply: ${DWP.role} at ${DWP.company}`]);

    await guestNav(page, 'Dashboard').click();
    await expect(main.getByRole('heading', { name: 'In progress' })).toBeVisible();
    await expect(main).toContainText(`${NHS.role} at ${NHS.company}`);
    await expect(main.getByRole('heading', { name: 'This week' })).toBeVisible();
    await expect(
      main.getByRole('link', { name: `Interview: ${DWP.role} at ${DWP.company}` }),
    ).toBeVisible();
    await app.landed();
    await photograph(page, 'guest-dashboard');

    // Stats and the job-search log, worked out in the browser.
    await guestNav(page, 'Stats').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
    const sent = main.locator('.stats__figures > div', { hasText: 'Applications sent' });
    await expect(sent.locator('dd')).toHaveText('2');
    await app.landed();
    await photograph(page, 'guest-stats');
    await main.getByRole('link', { name: 'the job-search log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Job-search log' })).toBeVisible();
    const log = main.getByRole('region', { name: 'The log, as a table' });
    await expect(log).toContainText('Applied');
    await expect(log).not.toContainText('Interview at');
    const [year, month, day] = isoDaysFromNow(14).split('-');
    await app.fillDate('To', day!, month!, year!);
    await main.getByRole('button', { name: 'Show the log' }).click();
    await expect(log).toContainText('Interview at 11:15');
    await expect(log).toContainText('Planned follow-up');
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toContain('to.day=');
    await app.landed();
    await photograph(page, 'guest-log');
    const logCsv = await download(page, 'Download as a spreadsheet (CSV)');
    expect(logCsv.name).toBe(`job-search-log-${isoDaysFromNow(-13)}-to-${isoDaysFromNow(14)}.csv`);
    expect(logCsv.text).toContain(`Interview at 11:15,${DWP.role},${DWP.company}`);
    await guestNav(page, 'Dashboard').click();

    const json = await download(page, 'Download a backup');
    const doc = JSON.parse(json.text);
    expect(doc).toMatchObject({ format: 'jobtrack', version: 1 });
    expect(doc.applications.map((a: { company: string }) => a.company).sort()).toEqual([
      DWP.company,
      NHS.company,
    ]);
    const dwp = doc.applications.find((a: { company: string }) => a.company === DWP.company);
    expect(dwp).toMatchObject({
      followUpOn: isoDaysFromNow(12),
      events: [{ kind: 'interview', format: 'video', place: INTERVIEW.place }],
    });
    const csv = await download(page, 'Download applications (CSV)');
    expect(csv.text).toContain(DWP.role);

    const requests = await recorded();
    expect(requests.length).toBeGreaterThan(0);
    expect(leaks(requests)).toEqual([]);
    // Not even the random ids: paths are the same for every guest, the id is in the fragment, so
    // neither reloads nor Remix's route discovery (/__manifest?p=…) carry one.
    const ids = new Set([...idsBeforeDelete, ...(await guestIds(page))]);
    expect(ids.size).toBeGreaterThanOrEqual(3);
    expect(carryingIds(requests, ids)).toEqual([]);
    // Analytics are configured in these runs, and a guest sends them nothing at all.
    const toPostHog = requests.filter(
      (r) => r.url.includes('localhost') && !r.url.startsWith(new URL(page.url()).origin),
    );
    expect(toPostHog.filter((r) => r.body.includes('/guest'))).toEqual([]);
  });

  test('two tabs open at once keep each other’s changes', async ({ context }) => {
    const one = await context.newPage();
    const two = await context.newPage();
    await one.goto('/guest/applications');
    await two.goto('/guest/applications');
    await expect(two.getByText('You have not added any applications yet.')).toBeVisible();

    await jobTrack(one, { audit: false }).addApplication(NHS);
    // The second tab was opened before that save and shows it without a reload.
    await expect(two.getByRole('link', { name: `${NHS.role} at ${NHS.company}` })).toBeVisible();
    await jobTrack(two, { audit: false }).addApplication(DWP);

    // Each tab changes a different application from a page it loaded earlier: both changes stay.
    await one.getByRole('link', { name: 'Back to list' }).click();
    await two.goto(`/guest/applications`);
    await one
      .getByLabel(`Status for ${DWP.role} at ${DWP.company}`)
      .selectOption({ label: 'Offer' });
    await two.getByLabel(`Status for ${NHS.role} at ${NHS.company}`).selectOption({
      label: 'Withdrawn',
    });
    await one
      .locator('li', { hasText: DWP.company })
      .getByRole('button', { name: 'Update' })
      .click();
    await two
      .locator('li', { hasText: NHS.company })
      .getByRole('button', { name: 'Update' })
      .click();
    for (const tab of [one, two]) {
      await tab.reload();
      await expect(tab.getByRole('link', { name: /^Offer/ })).toContainText('1');
      await expect(tab.getByRole('link', { name: /^Withdrawn/ })).toContainText('1');
      await expect(tab.getByText('2 applications')).toBeVisible();
    }
  });

  test('an edit form opened before another tab changed the same application does not undo that change', async ({
    context,
  }) => {
    test.setTimeout(120_000);
    const one = await context.newPage();
    const two = await context.newPage();
    await one.goto('/guest/applications');
    await jobTrack(one, { audit: false }).addApplication(NHS);
    await two.goto('/guest/applications');
    await two.getByRole('link', { name: `${NHS.role} at ${NHS.company}` }).click();
    await two.getByRole('link', { name: 'Edit' }).click();
    const form = two.getByRole('main');
    await expect(form.getByLabel('Status', { exact: true })).toHaveValue('saved');

    // Tab one moves it on while tab two's form is open with the old status.
    await one.getByLabel('Status', { exact: true }).selectOption({ label: 'Interviewing' });
    await one.getByRole('button', { name: 'Update status' }).click();
    await expect(
      one.getByRole('region', { name: 'Status history' }).getByRole('listitem'),
    ).toHaveCount(2);

    await form.getByLabel('Notes', { exact: true }).fill('Typed in the second tab');
    await form.getByRole('button', { name: 'Save application' }).click();
    await expect(form).toContainText('was changed in another tab after you opened this form');
    await expect(form.getByLabel('Notes', { exact: true })).toHaveValue('Typed in the second tab');
    await expect(two).toHaveURL(/\/guest\/application\/edit#[0-9a-f-]{36}$/);
    await jobTrack(two).landed();
    await photograph(two, 'guest-edit-changed-elsewhere');

    // Nothing was undone: tab one, reloaded, still has its change and no reverse history entry.
    await one.reload();
    await expect(one.getByRole('main').getByText('Interviewing').first()).toBeVisible();
    await expect(
      one.getByRole('region', { name: 'Status history' }).getByRole('listitem'),
    ).toHaveCount(2);
    await expect(one.getByRole('main')).not.toContainText('Typed in the second tab');

    // Saving again, having been told, is the person's choice to replace it.
    await form.getByRole('button', { name: 'Save application' }).click();
    await jobTrack(two, { audit: false }).expectApplicationPage(NHS);
    await expect(two.getByRole('main')).toContainText('Typed in the second tab');
  });

  test('a date’s edit page opened before another tab changed that date does not undo the change', async ({
    context,
  }) => {
    test.setTimeout(120_000);
    const one = await context.newPage();
    const two = await context.newPage();
    await one.goto('/guest/applications');
    await jobTrack(one, { audit: false }).addApplication(DWP);
    await addInterview(one, 2, '10.30am');
    const events = one.getByRole('main').getByRole('region', { name: 'Interviews and dates' });
    await expect(events).toContainText('10:30');
    // Tab two opens the date's edit page while it is still at 10:30.
    await two.goto(one.url());
    await two.getByRole('link', { name: /Edit or delete/ }).click();
    const page = two.getByRole('main');
    await expect(page.getByLabel('Time (UK)')).toHaveValue('10:30');

    // Tab one moves it to 11:15.
    await events.getByRole('link', { name: /Edit or delete/ }).click();
    await one.getByRole('main').getByLabel('Time (UK)').fill('11:15');
    await one.getByRole('main').getByRole('button', { name: 'Save changes' }).click();
    await expect(events).toContainText('11:15');

    // Tab two's save and delete are refused, each saying why, what was typed kept.
    await page.getByLabel('Notes').fill('Typed in the second tab');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toContainText('This date was changed in another tab');
    await expect(page.getByLabel('Notes')).toHaveValue('Typed in the second tab');
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('region', { name: 'Delete this date' })).toContainText(
      'so it was not deleted',
    );
    await photograph(two, 'guest-date-changed-elsewhere');
    await one.reload();
    await expect(events).toContainText('11:15');
    await expect(events).not.toContainText('Typed in the second tab');

    // Saving again, having been told, is the person's choice to replace it.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await jobTrack(two, { audit: false }).expectApplicationPage(DWP);
    await expect(two.getByRole('main')).toContainText('10:30');
  });

  test('the board moves cards by keyboard, status menu and drag, and no request carries any of it', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    const recorded = recordRequests(context);
    const main = page.getByRole('main');
    await page.goto('/guest/applications');
    await app(page).addApplication(NHS);
    await page.goto('/guest/applications');
    await app(page).addApplication({ ...DWP, status: 'Applied', dateApplied: isoDaysFromNow(-1) });
    await page.goto('/guest/applications');
    await main
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Board' })
      .click();
    await expect(page).toHaveURL(/\/guest\/board$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    await app(page).landed();

    // By keyboard, each step announced, focus kept on the card's Move button.
    const nhs = `${NHS.role} at ${NHS.company}`;
    const dwp = `${DWP.role} at ${DWP.company}`;
    const columnsTop = async () => (await boardColumn(page, 'Applied').boundingBox())?.y;
    const before = await columnsTop();
    await page.getByRole('button', { name: `Move ${nhs} with the keyboard` }).focus();
    await page.keyboard.press('Enter');
    const live = page.locator('[aria-live="polite"]');
    await expect(live).toContainText(`Picked up ${nhs}`);
    await page.keyboard.press('ArrowRight');
    await expect(live).toContainText('Applied, column 2 of 8');
    await page.keyboard.press('Enter');
    await expect(boardColumn(page, 'Applied')).toContainText(nhs);
    // Said with Undo beside it (the move is named in the fragment, which no request carries).
    const notice = main.locator('.move-notice');
    await expect(notice.locator('.move-notice__text')).toHaveText(
      `${nhs} moved to Applied, from Saved.`,
    );
    // Over the foot of the screen, not pushing the columns down.
    await expect(notice).toHaveCSS('position', 'fixed');
    await expect.poll(columnsTop).toBe(before);
    await expect(page.getByRole('button', { name: `Move ${nhs} with the keyboard` })).toBeFocused();
    await notice.getByRole('button', { name: 'Undo this move' }).click();
    await expect(notice.locator('.move-notice__text')).toContainText('The move was undone');
    await expect(boardColumn(page, 'Saved')).toContainText(nhs);

    // By the card's status menu.
    await page.getByLabel(`Status for ${dwp}`, { exact: true }).selectOption('interviewing');
    await boardColumn(page, 'Applied')
      .getByRole('listitem')
      .filter({ hasText: DWP.company })
      .getByRole('button', { name: 'Move', exact: true })
      .click();
    await expect(boardColumn(page, 'Interviewing')).toContainText(dwp);

    // By dragging.
    await boardColumn(page, 'Saved')
      .getByRole('listitem')
      .filter({ hasText: NHS.company })
      .dragTo(boardColumn(page, 'Offer'));
    await expect(boardColumn(page, 'Offer')).toContainText(nhs);
    await photograph(page, 'guest-board');

    // Kept in this browser: reloaded, and in the application's history.
    await page.reload();
    await expect(boardColumn(page, 'Offer')).toContainText(nhs);
    await expect(boardColumn(page, 'Interviewing')).toContainText(dwp);
    await boardColumn(page, 'Offer').getByRole('link', { name: nhs }).click();
    await app(page).expectApplicationPage(NHS);
    const history = main.getByRole('region', { name: 'Status history' });
    // Added as Saved, then Offer: the undone move to Applied is not in it.
    await expect(history.getByRole('listitem')).toHaveCount(2);

    const requests = await recorded();
    expect(leaks(requests)).toEqual([]);
    expect(carryingIds(requests, await guestIds(page))).toEqual([]);
  });

  test('data that cannot be read is kept, offered as a download, and can be started over', async ({
    page,
  }) => {
    await page.goto('/guest');
    const broken = '{"version":1,"data":{"format":"jobtrack","applications":[{"company":';
    await page.evaluate((text) => localStorage.setItem('jobtrack-guest', text), broken);
    await page.reload();
    await expect(
      page.getByRole('heading', { name: 'Your guest data cannot be opened' }),
    ).toBeVisible();
    await app(page).landed();
    const file = await download(page, 'Download the data as it is');
    expect(file.text).toBe(broken);
    expect(await page.evaluate(() => localStorage.getItem('jobtrack-guest'))).toBe(broken);
    await page.getByRole('button', { name: 'Delete it and start again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    // Saved by a newer JobTrack: reload for it, or keep a copy; never offered for deletion.
    const newer = '{"version":99,"data":{"format":"jobtrack","applications":[]}}';
    await page.evaluate((text) => localStorage.setItem('jobtrack-guest', text), newer);
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('saved by a newer version of JobTrack');
    await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    expect((await download(page, 'Download the data as it is')).text).toBe(newer);
    await expect(page.getByRole('button', { name: 'Delete it and start again' })).toHaveCount(0);
  });

  test('an application page that cannot be shown stays inside guest mode', async ({ page }) => {
    const gone = '0b7f3c52-8d7e-4b55-9a43-0f6f6a0c1d11';
    await page.goto(`/guest/application#${gone}`);
    await expect(page.getByRole('heading', { name: 'Application not found' })).toBeVisible();
    await expect(banner(page)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Guest pages' })).toBeVisible();
    await app(page).landed();
    await page.getByRole('link', { name: 'Go to your guest applications' }).click();
    await expect(page.getByText('You have not added any applications yet.')).toBeVisible();

    // Data that cannot be read, met on reloading an edit form: the recovery screen, not a 404.
    const broken = '{"version":1,"data":{"format":"jobtrack"';
    await page.evaluate((text) => localStorage.setItem('jobtrack-guest', text), broken);
    await page.goto(`/guest/application/edit#${gone}`);
    await expect(
      page.getByRole('heading', { name: 'Your guest data cannot be opened' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download the data as it is' })).toBeVisible();
  });

  test('a full browser storage refuses the save with a message and keeps what was typed', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'jobtrack-guest') throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.goto('/guest/applications/new');
    await app(page).fillApplication({ company: NHS.company, role: NHS.role, notes: NHS.notes });
    await page.getByRole('button', { name: 'Save application' }).click();
    await expect(page.getByRole('main')).toContainText('no room left');
    await expect(page.getByLabel('Notes', { exact: true })).toHaveValue(NHS.notes);
    await expect(page).toHaveURL(/\/guest\/applications\/new$/);
  });

  test('a form whose saving code cannot be fetched says so and keeps what was typed', async ({
    page,
  }) => {
    // A guest form's handling is fetched as guest mode opens or when the form is sent
    // (docs/decisions/039); a browser keeps a failed fetch of it for the page's life.
    await page.route(/\/assets\/actions-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto('/guest/applications/new');
    await app(page).fillApplication({ company: NHS.company, role: NHS.role, notes: NHS.notes });
    await page.getByRole('button', { name: 'Save application' }).click();
    const summary = page.getByRole('alert', { name: 'There is a problem' });
    await expect(summary).toContainText('Nothing was saved');
    // No field is in error: the summary takes focus, so a phone scrolls to it.
    await expect(summary).toBeFocused();
    await expect(page.getByLabel('Notes', { exact: true })).toHaveValue(NHS.notes);
    await expect(page.getByLabel('Company', { exact: true })).toHaveValue(NHS.company);
    await expect(page).toHaveURL(/\/guest\/applications\/new$/);
    const stored = await page.evaluate(() => localStorage.getItem('jobtrack-guest'));
    expect(stored ?? '').not.toContain(NHS.company);
  });

  test('guest mode preloads its pages without a console warning, and an empty store has nothing to move', async ({
    page,
    signedIn,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    const main = page.getByRole('main');
    await page.goto('/guest/applications');
    await expect(main.getByText('You have not added any applications yet.')).toBeVisible();
    // Nothing to back up yet, so no download is offered.
    await expect(banner(page).getByRole('button', { name: /^Download/ })).toHaveCount(0);
    await preloadsArrived(page);
    await page
      .getByRole('navigation', { name: 'Guest pages' })
      .getByRole('link', { name: 'Stats' })
      .click();
    await expect(page).toHaveURL(/\/guest\/stats$/);
    await preloadsArrived(page);
    expect(warnings).toEqual([]);

    await page.goto('/guest/move');
    await expect(main.getByRole('heading', { name: 'Nothing to move' })).toBeVisible();
    await expect(main).toContainText('Guest mode in this browser holds no applications');
    await expect(main.getByRole('button', { name: 'Check what will be moved' })).toHaveCount(0);
    // Signed in, the same, with the way to the account's own applications.
    await signedIn({ label: 'nothing-to-move' });
    await page.goto('/guest/move');
    await expect(main.getByRole('heading', { name: 'Nothing to move' })).toBeVisible();
    await expect(
      main.getByRole('link', { name: 'Go to your account’s applications' }),
    ).toBeVisible();
  });

  test('once guest mode has opened, a status change from the list needs no request', async ({
    page,
    context,
  }) => {
    // The status change loads its handling when sent (app/guest/status-change.ts); guest mode
    // fetches it as it opens (app/guest/preload.tsx), so a guest who then loses the connection
    // can still change a status, from the list or the application.
    const council = newApplication({ ...COUNCIL, status: 'applied', mayCloseEarly: false });
    await page.addInitScript(
      (stored) => localStorage.setItem('jobtrack-guest', stored),
      storedGuest([council]),
    );
    await page.goto('/guest/applications');
    await preloadsArrived(page);
    const failed = await goOffline(page, context);
    const main = page.getByRole('main');
    await changeRowStatus(main, COUNCIL, 'Interviewing');
    await expect(main.getByRole('link', { name: 'Interviewing 1' })).toBeVisible();
    await main.getByRole('link', { name: `${COUNCIL.role} at ${COUNCIL.company}` }).click();
    await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Offer' });
    await main.getByRole('button', { name: 'Update status' }).click();
    await expect(
      main.getByRole('region', { name: 'Status history' }).getByRole('listitem'),
    ).toHaveCount(3);
    expect(failed).toEqual([]);
    await context.setOffline(false);
  });

  test('a guest dates a status change the day it happened, with no request', async ({
    page,
    context,
  }) => {
    const council = newApplication({
      ...COUNCIL,
      status: 'rejected',
      dateApplied: '2026-10-05',
      mayCloseEarly: false,
    });
    await page.addInitScript(
      (stored) => localStorage.setItem('jobtrack-guest', stored),
      storedGuest([council]),
    );
    await page.goto(`/guest/application#${council.id}`);
    await preloadsArrived(page);
    const failed = await goOffline(page, context);
    const main = page.getByRole('main');
    const history = main.getByRole('region', { name: 'Status history' });
    await history.getByRole('link', { name: /^Change date\W+Rejected, from Applied/ }).click();
    await app(page).fillDate('When it happened', '1', '10', '2026');
    await main.getByRole('button', { name: 'Save date' }).click();
    await expect(
      main.getByText('The date must be on or after the day you applied (5 Oct 2026)').first(),
    ).toBeVisible();
    await app(page).fillDate('When it happened', '28', '10', '2026');
    await main.getByRole('button', { name: 'Save date' }).click();
    await expect(history.getByRole('listitem').first()).toContainText('28 Oct 2026');
    expect(failed).toEqual([]);
    await context.setOffline(false);
  });

  test('once its pages have loaded, guest mode saves, edits and deletes with no request at all', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const main = page.getByRole('main');
    await page.goto('/guest/applications');
    await page.getByRole('link', { name: 'Add application' }).click();
    await expect(main.getByLabel('Company', { exact: true })).toBeVisible();
    await preloadsArrived(page);
    // Offline from here on: a save that needed the server (route discovery, a page's code) would
    // fail after the data was written.
    const failed = await goOffline(page, context);
    await app(page).fillApplication(NHS);
    await main.getByRole('button', { name: 'Save application' }).click();
    await app(page).expectApplicationPage(NHS);
    // Its dates too: the add-a-date page and the follow-up page were loaded as guest mode opened.
    await addInterview(page, 2, '10:00');
    await app(page).expectApplicationPage(NHS);
    await expect(main.getByRole('region', { name: 'Interviews and dates' })).toContainText('10:00');
    await main.getByRole('link', { name: 'Set a follow-up date' }).click();
    // A day ahead: once a follow-up date has come, the page says to chase now instead.
    const chaseBy = isoDaysFromNow(3);
    const [year, month, day] = chaseBy.split('-');
    await main.getByRole('region', { name: 'Follow up' }).getByLabel('Day').fill(day!);
    await main.getByRole('region', { name: 'Follow up' }).getByLabel('Month').fill(month!);
    await main.getByRole('region', { name: 'Follow up' }).getByLabel('Year').fill(year!);
    await main.getByRole('button', { name: 'Set follow-up date' }).click();
    await expect(main.getByRole('region', { name: 'Follow up' })).toContainText(
      `Chase if no reply by ${formatDate(chaseBy)}`,
    );
    await main.getByRole('link', { name: 'Edit', exact: true }).click();
    await main.getByLabel('Location', { exact: true }).fill('Leeds General Infirmary');
    await main.getByRole('button', { name: 'Save application' }).click();
    await expect(main).toContainText('Leeds General Infirmary');
    // The move page, which asks the server who is signed in, opens offline all the same.
    await banner(page).getByRole('link', { name: 'Keep them in an account' }).click();
    await expect(main).toContainText('You have 1 application in this browser');
    await expect(guestNav(page, 'Applications')).toBeVisible();
    await page.goBack();
    await main.getByRole('link', { name: 'Delete', exact: true }).click();
    await main.getByRole('button', { name: 'Delete application' }).click();
    await expect(main.getByText('You have not added any applications yet.')).toBeVisible();
    expect(failed).toEqual([]);
    await context.setOffline(false);
  });

  test('a guest moves into a new account after a preview, and a second try adds nothing', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    const recorded = recordRequests(context);
    const main = page.getByRole('main');
    await page.goto('/guest/applications');
    await app(page).addApplication(NHS);
    await page.goto('/guest/applications');
    await app(page).addApplication({ ...DWP, status: 'Applied', dateApplied: isoDaysFromNow(-1) });
    await addInterview(page, 3, '14:00');
    await app(page).expectApplicationPage(DWP);
    await banner(page).getByRole('link', { name: 'Keep them in an account' }).click();
    await expect(main).toContainText('You have 2 applications in this browser');
    await app(page).landed();
    const beforeMove = await recorded();
    expect(leaks(beforeMove)).toEqual([]);

    const email = uniqueEmail('guest');
    await app(page).signUp(email, PASSWORD);
    await app(page).confirmSignUp(email, PASSWORD);
    // The new account's dashboard, far from guest mode, says the applications are still here.
    const reminder = main.getByRole('status').filter({ hasText: 'from guest mode' });
    await expect(reminder).toHaveText(
      'This browser still holds 2 applications from guest mode. Move them into your account',
    );
    await reminder.getByRole('link', { name: 'Move them into your account' }).click();
    await main.getByRole('button', { name: 'Check what will be moved' }).click();
    await expect(main).toContainText('2 applications, with their status history');
    await expect(main).toContainText('1 interview or other date');
    await app(page).landed();
    await photograph(page, 'guest-move-preview');
    await main.getByLabel('Also keep a copy in this browser').check();
    await main.getByRole('button', { name: 'Move into my account' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=moved$/);
    await expect(main).toContainText('Your applications from guest mode are now in your account.');
    await expect(main.getByText('2 applications')).toBeVisible();
    // The move itself carried the data (so the recorder would have seen any other request do so).
    expect(leaks((await recorded()).slice(beforeMove.length))).not.toEqual([]);

    // The copy was kept; an interview added to it since is all a second move adds.
    await page.goto('/guest/applications');
    await main.getByRole('link', { name: `${DWP.role} at ${DWP.company}` }).click();
    await addInterview(page, 5, '10:30');
    await app(page).expectApplicationPage(DWP);
    await page.goto('/guest/move');
    await main.getByRole('button', { name: 'Check what will be moved' }).click();
    await expect(main).toContainText('1 interview or other date');
    await main.getByLabel('Also keep a copy in this browser').check();
    await main.getByRole('button', { name: 'Move into my account' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=moved$/);

    // A third move finds nothing new, says what it cannot carry, and may remove the copy.
    await page.goto('/guest/move');
    await main.getByRole('button', { name: 'Check what will be moved' }).click();
    await expect(main).toContainText('there is nothing to add');
    await expect(main).toContainText('not added again: 2 applications and 2 dates.');
    await expect(main).toContainText('are not copied across');
    await photograph(page, 'guest-move-nothing-new');
    await main.getByRole('button', { name: 'Remove the copy in this browser' }).click();
    await expect(page).toHaveURL(/\/applications$/);
    await expect(main.getByText('2 applications')).toBeVisible();
    // In the account: each interview once, the follow-up date as it was (applied yesterday).
    await main.getByRole('link', { name: `${DWP.role} at ${DWP.company}` }).click();
    const events = main.getByRole('region', { name: 'Interviews and dates' });
    await expect(events.getByRole('listitem')).toHaveCount(2);
    await expect(events).toContainText('14:00');
    await expect(events).toContainText('10:30');
    await expect(events).toContainText(`Video call · ${INTERVIEW.place}`);
    await expect(main.getByRole('region', { name: 'Follow up' })).toContainText(
      `Chase if no reply by ${formatDate(isoDaysFromNow(13))}`,
    );
    await page.goto('/guest');
    await expect(main).toContainText('You have not added any applications yet');
    await page.goto('/');
    await expect(main.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(main.getByText('from guest mode')).toHaveCount(0);
  });

  /**
   * About 5.8 MB as sent (curly quotes are three bytes each), over one import's 5 MiB, yet about
   * 190,000 characters inside localStorage's 5 Mi (it counts characters, not bytes).
   */
  function bigGuestStore() {
    const notes = 'Panel’s questions: ‘Seeing the Big Picture’, ‘Working Together’. '.repeat(250);
    const applications = Array.from({ length: 300 }, (_, i) =>
      newApplication({
        company: `Borough Council ${i + 1}`,
        role: 'Housing Options Caseworker',
        status: 'applied',
        mayCloseEarly: false,
        notes,
      }),
    );
    const stored = storedGuest(applications);
    expect(new TextEncoder().encode(stored).length).toBeGreaterThan(MAX_IMPORT_BYTES);
    return stored;
  }

  const guestCount = (page: Page) =>
    page.evaluate(() => {
      const text = localStorage.getItem('jobtrack-guest');
      return text ? (JSON.parse(text).data.applications.length as number) : 0;
    });

  test('a guest store larger than one import takes moves in parts, all of it', async ({
    page,
    signedIn,
  }) => {
    test.setTimeout(180_000);
    await signedIn({ label: 'large-guest' });
    await page.goto('/guest');
    await page.evaluate((text) => localStorage.setItem('jobtrack-guest', text), bigGuestStore());
    await page.goto('/guest/move');
    const main = page.getByRole('main');
    await expect(main).toContainText('Your 300 applications will be sent');
    await main.getByRole('button', { name: 'Check what will be moved' }).click();
    await expect(main).toContainText('300 applications, with their status history');
    await expect(main).toContainText('it goes in 2 parts');
    await main.getByRole('button', { name: 'Move into my account' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=moved$/);
    await expect(main.getByText('300 applications')).toBeVisible();
    await page.goto('/guest');
    await expect(main).toContainText('You have not added any applications yet');
    await page.goto('/');
    await expect(main.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(main.getByText('from guest mode')).toHaveCount(0);
  });

  test('a move in parts that stops part way: the saved part leaves this browser, the rest moves next time', async ({
    page,
    signedIn,
  }) => {
    test.setTimeout(180_000);
    const { email } = await signedIn({ label: 'large-guest-stopped' });
    await page.goto('/guest');
    await page.evaluate((text) => localStorage.setItem('jobtrack-guest', text), bigGuestStore());
    // The second part's confirmation is lost on the way (a dropped connection).
    let confirms = 0;
    await page.route('**/account/import', (route) => {
      const body = route.request().postDataBuffer()?.toString('utf8') ?? '';
      const confirm = /name="intent"\r\n\r\nconfirm\r\n/.test(body);
      return confirm && ++confirms === 2 ? route.abort('failed') : route.continue();
    });
    await page.goto('/guest/move');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Check what will be moved' }).click();
    await expect(main).toContainText('it goes in 2 parts');
    await main.getByRole('button', { name: 'Move into my account' }).click();
    await expect(main.getByRole('alert')).toContainText(
      `some of your applications are now in the account ${email} and have left this browser`,
    );
    await photograph(page, 'guest-move-stopped');
    const left = await guestCount(page);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(300);
    await expect(main).toContainText(`Your ${left} applications will be sent`);

    await page.unroute('**/account/import');
    await main.getByRole('button', { name: 'Check what will be moved' }).click();
    await expect(main).toContainText(`${left} applications, with their status history`);
    await main.getByRole('button', { name: 'Move into my account' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=moved$/);
    await expect(main.getByText('300 applications')).toBeVisible();
    expect(await guestCount(page)).toBe(0);
  });
});

const app = (page: Page) => jobTrack(page);

test('without JavaScript guest mode says it needs it and offers an account', async ({ page }) => {
  test.skip(!javaScriptDisabled(), 'The no-JavaScript message is for browsers without it.');
  await page.goto('/');
  await page.getByRole('link', { name: 'Use it without an account' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Guest mode needs JavaScript' })).toBeVisible();
  await jobTrack(page).landed();
  await photograph(page, 'guest-nojs');
  await main.getByRole('link', { name: 'Create a free account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
});
