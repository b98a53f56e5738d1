import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import type { DbHandle } from '#db/client';
import type { ApplicationInput } from '~/applications/application-schema';
import { addDays, formatDate, todayInLondon } from '~/applications/dates';
import { createApplication } from '~/applications/mutations.server';
import { makeContext } from '../support/context';
import { jobTrack } from './support/app';
import { expect, test } from './support/fixtures';
import { javaScriptDisabled } from './support/mirror';

// Interviews, follow-ups and the calendar, in Chromium with JavaScript on and off: dates added,
// changed and deleted on an application, the dashboard's lists, the calendar files and the
// private feed. Every page a test lands on gets an axe-core scan.

const today = todayInLondon();
const [year, month, day] = addDays(today, 2).split('-');

async function seed(database: DbHandle, userId: string, row: Partial<ApplicationInput>) {
  const { context } = makeContext(database);
  const id = crypto.randomUUID();
  const saved = await createApplication(
    context,
    userId,
    {
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'applied',
      mayCloseEarly: false,
      ...row,
    },
    id,
  );
  if (saved !== 'saved') throw new Error(`seeding an application answered ${saved}`);
  return id;
}

const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).summary);

/** Screenshots at a phone's and a desktop's width, for a person to look at (test-results/). */
async function shoot(page: Page, name: string) {
  const project = test.info().project.name;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: test.info().outputPath(`${name}-${width}-${project}.png`),
      fullPage: true,
    });
  }
}

test('an interview is added, shown, downloaded as a calendar file, changed and deleted', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const me = await signedIn({ label: 'events' });
  const id = await seed(database, me.id, { dateApplied: addDays(today, -3) });

  await page.goto(`/applications/${id}`);
  await app.landed();
  await main.getByRole('link', { name: 'Add an interview or date' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add an interview or date' }),
  ).toBeVisible();
  await app.landed();
  // A time the clocks skip is refused beside its field, every value kept.
  await app.fillDate('Date', '29', '3', '2026');
  await main.getByLabel('Time (UK)').fill('01:30');
  await main.getByLabel('Place').fill('Civic Hall, Leeds');
  await main.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(main.getByText(/clocks go forward/).first()).toBeVisible();
  await expect(main.getByLabel('Place')).toHaveValue('Civic Hall, Leeds');
  await app.landed();

  await app.fillDate('Date', day!, month!, year!);
  await main.getByLabel('Time (UK)').fill('2.30pm');
  await main.getByLabel('How').selectOption('In person');
  await main.getByRole('button', { name: 'Add', exact: true }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Policy Officer at Leeds City Council' }),
  ).toBeVisible();
  const events = main.getByRole('region', { name: 'Interviews and dates' });
  await expect(events).toContainText('Interview');
  await expect(events).toContainText('14:30');
  await expect(events).toContainText('In person · Civic Hall, Leeds');
  await expect(main.getByRole('region', { name: 'Status history' })).toContainText('Interview');
  await app.landed();
  await shoot(page, 'application');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The calendar file, read back with a maintained parser.
  const file = await page.request.get(
    (await events.getByRole('link', { name: /Add to calendar/ }).getAttribute('href'))!,
  );
  expect(file.status()).toBe(200);
  expect(summaries(await file.text())).toEqual(['Interview: Policy Officer at Leeds City Council']);

  await page.goto('/');
  const thisWeek = main.getByRole('heading', { name: 'This week' });
  await expect(thisWeek).toBeVisible();
  await expect(
    main.getByRole('link', { name: 'Interview: Policy Officer at Leeds City Council' }),
  ).toBeVisible();
  await app.landed();
  await shoot(page, 'dashboard');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`/applications/${id}`);
  await main.getByRole('link', { name: /Edit or delete/ }).click();
  await app.landed();
  await main.getByLabel('What is it?').selectOption('Assessment centre');
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(events).toContainText('Assessment centre');
  await main.getByRole('link', { name: /Edit or delete/ }).click();
  await main.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(events).toContainText('No interviews or other dates yet.');
});

test('a follow-up date starts 14 days after applying unless that has passed, is due on the dashboard, can be changed and removed, and is set again in one press while ahead', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const me = await signedIn({ label: 'follow-up' });
  // Applied two weeks ago: chase today.
  const id = await seed(database, me.id, { dateApplied: addDays(today, -14) });
  const suggested = formatDate(today);

  await page.goto('/');
  await expect(main.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
  await expect(
    main.getByRole('link', { name: 'Policy Officer at Leeds City Council' }).first(),
  ).toBeVisible();

  await page.goto(`/applications/${id}`);
  const followUp = main.getByRole('region', { name: 'Follow up' });
  // Its day has come: chase now (a day ahead says "Chase if no reply by", below).
  await expect(followUp).toContainText(
    `Chase now if you have heard nothing: the follow-up date, ${suggested}, is today.`,
  );
  const file = await page.request.get(`/applications/${id}/follow-up.ics`);
  expect(summaries(await file.text())).toEqual([
    'Chase if no reply: Policy Officer at Leeds City Council',
  ]);

  // A date of one's own is typed on the follow-up page: refused beside the field, then saved.
  await followUp.getByRole('link', { name: 'Change follow-up date' }).click();
  await expect(page).toHaveURL(`/applications/${id}/follow-up`);
  await app.fillDate('Chase if no reply by', '31', '2', '2027');
  await followUp.getByRole('button', { name: 'Change follow-up date' }).click();
  await expect(main.getByText('Follow-up date must be a real date').first()).toBeVisible();
  await app.landed();
  await app.fillDate('Chase if no reply by', '1', '3', '2027');
  await main.getByRole('button', { name: 'Change follow-up date' }).click();
  await expect(page).toHaveURL(`/applications/${id}#follow-up`);
  await expect(followUp).toContainText('Chase if no reply by 1 Mar 2027');

  // Removed on the application's page; its suggestion, today, is offered again in one press.
  await followUp.getByRole('button', { name: 'Remove follow-up date' }).click();
  await expect(followUp).toContainText('No follow-up date set.');
  await expect(
    followUp.getByRole('button', { name: `Set follow-up date: ${suggested}` }),
  ).toBeVisible();
  await app.landed();

  // Applied three weeks ago: its suggestion had passed when it was added, so none was set and
  // none is offered in one press.
  const late = await seed(database, me.id, {
    role: 'Caseworker',
    dateApplied: addDays(today, -21),
  });
  await page.goto(`/applications/${late}`);
  await expect(followUp).toContainText('No follow-up date set.');
  await expect(followUp.getByRole('link', { name: 'Set a follow-up date' })).toBeVisible();
  await expect(followUp.getByRole('button', { name: /^Set follow-up date/ })).toHaveCount(0);
  await app.landed();
  // Nor does the follow-up page fill in a day already gone.
  await followUp.getByRole('link', { name: 'Set a follow-up date' }).click();
  await expect(page).toHaveURL(`/applications/${late}/follow-up`);
  const chaseBy = main.getByRole('group', { name: 'Chase if no reply by', exact: true });
  await expect(chaseBy.getByLabel('Day', { exact: true })).toHaveValue('');
  await app.landed();

  // Applied three days ago: removed, then the suggested date set again with one press.
  const recent = await seed(database, me.id, {
    role: 'Data Analyst',
    dateApplied: addDays(today, -3),
  });
  const ahead = formatDate(addDays(today, 11));
  await page.goto(`/applications/${recent}`);
  await expect(followUp).toContainText(`Chase if no reply by ${ahead}`);
  await followUp.getByRole('button', { name: 'Remove follow-up date' }).click();
  await expect(followUp).toContainText('No follow-up date set.');
  await followUp.getByRole('button', { name: `Set follow-up date: ${ahead}` }).click();
  await expect(followUp).toContainText(`Chase if no reply by ${ahead}`);
  await expect(page).toHaveURL(`/applications/${recent}#follow-up`);
  await app.landed();
});

test('a rejection told by phone is dated the day it happened, and the job-search log says so', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const me = await signedIn({ label: 'history-date' });
  const applied = addDays(today, -30);
  const id = await seed(database, me.id, {
    company: 'University of York',
    role: 'Research Administrator',
    status: 'rejected',
    dateApplied: applied,
  });
  const history = main.getByRole('region', { name: 'Status history' });
  await page.goto(`/applications/${id}`);
  // The move to Applied is dated by the date applied, on the edit page.
  await expect(history.getByRole('link', { name: /^Change date\W+Applied/ })).toHaveCount(0);
  await history.getByRole('link', { name: /^Change date\W+Rejected, from Applied/ }).click();
  await expect(main.getByRole('heading', { name: 'Date of a status change' })).toBeVisible();
  await app.landed();

  const [y0, m0, d0] = addDays(applied, -1).split('-') as [string, string, string];
  await app.fillDate('When it happened', d0, m0, y0);
  await main.getByRole('button', { name: 'Save date' }).click();
  await expect(
    main
      .getByText(`The date must be on or after the day you applied (${formatDate(applied)})`)
      .first(),
  ).toBeVisible();
  await app.landed();

  const told = addDays(today, -9);
  const [y, m, d] = told.split('-') as [string, string, string];
  await app.fillDate('When it happened', d, m, y);
  await main.getByRole('button', { name: 'Save date' }).click();
  await expect(page).toHaveURL(`/applications/${id}#history-heading`);
  await expect(history.getByRole('listitem').first()).toContainText(formatDate(told));

  await page.goto('/job-search-log');
  const row = main.getByRole('row').filter({ hasText: 'Research Administrator' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(formatDate(told));
  await expect(row).toContainText('Told the application was unsuccessful');
});

test('the private calendar feed is made, read without a cookie, replaced and turned off; Ghosted is suggested', async ({
  page,
  signedIn,
  database,
  playwright,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const me = await signedIn({ label: 'feed' });
  // Applied 40 days ago: no follow-up date (its suggestion had passed), and no reply since.
  await seed(database, me.id, { dateApplied: addDays(today, -40), company: 'Quiet Ltd' });
  await seed(database, me.id, { dateApplied: addDays(today, -3), company: 'Leeds City Council' });

  await page.goto('/account');
  await app.landed();
  await main.getByRole('button', { name: 'Make a calendar feed' }).click();
  const address = main.getByLabel('Feed address');
  await expect(address).toBeVisible();
  await app.landed();
  await shoot(page, 'feed');
  // Shown once, so shown whole, even on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await address.evaluate((box) => box.scrollHeight <= box.clientHeight)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
  const feedUrl = await address.inputValue();
  const copy = main.getByRole('button', { name: 'Copy the address' });
  if (javaScriptDisabled()) {
    await expect(copy).toHaveCount(0);
  } else {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await copy.click();
    await expect(main.getByText('Copied. Paste it into your calendar app')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
  }

  // A calendar app: no cookie, no session.
  const calendarApp = await playwright.request.newContext();
  const feed = await calendarApp.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['cache-control']).toBe('private, no-store');
  expect(summaries(await feed.text())).toEqual([
    'Chase if no reply: Policy Officer at Leeds City Council',
  ]);

  await main.getByRole('button', { name: 'Make a new address' }).click();
  await expect(address).not.toHaveValue(feedUrl);
  expect((await calendarApp.get(feedUrl)).status()).toBe(404);
  const second = await address.inputValue();
  await main.getByRole('button', { name: 'Turn the feed off' }).click();
  await expect(main.getByText('Your calendar feed is turned off.')).toBeVisible();
  expect((await calendarApp.get(second)).status()).toBe(404);
  await calendarApp.dispose();

  // Forty days at Applied with no reply: past the four weeks the dashboard waits by default.
  await page.goto('/');
  await expect(main.getByRole('heading', { name: 'No reply for 4 weeks' })).toBeVisible();
  // The log a Work Coach asks for is one click from the dashboard.
  await expect(main.getByRole('link', { name: 'the job-search log' })).toHaveAttribute(
    'href',
    '/job-search-log',
  );
  await app.landed();
  await main.getByRole('button', { name: /^Mark as ghosted.*Quiet Ltd$/ }).click();
  await expect(main.getByRole('heading', { name: 'No reply for 4 weeks' })).toHaveCount(0);
  await expect(main.getByRole('link', { name: /Ghosted/ })).toContainText('1');
});

test('a date’s edit page opened before another device changed the date does not undo the change', async ({
  page,
  context,
  signedIn,
  database,
}) => {
  const me = await signedIn({ label: 'two-devices-date' });
  const id = await seed(database, me.id, { dateApplied: addDays(today, -3) });
  await page.goto(`/applications/${id}/events/new`);
  const app = jobTrack(page);
  await app.fillDate('Date', day!, month!, year!);
  await page.getByRole('main').getByLabel('Time (UK)').fill('10.30am');
  await page.getByRole('main').getByRole('button', { name: 'Add', exact: true }).click();
  const events = page.getByRole('main').getByRole('region', { name: 'Interviews and dates' });
  await expect(events).toContainText('10:30');

  // The laptop opens the date's edit page in two tabs; the phone then moves it to 11:15. (Each tab
  // goes to the page's address: how it got there is not what this test is about.)
  const editPage = await events.getByRole('link', { name: /Edit or delete/ }).getAttribute('href');
  const [laptop, laptopToo] = [await context.newPage(), await context.newPage()];
  for (const tab of [laptop, laptopToo]) {
    await tab.goto(editPage!);
    await expect(tab.getByRole('main').getByLabel('Time (UK)')).toHaveValue('10:30');
  }
  const edit = laptop.getByRole('main');
  await events.getByRole('link', { name: /Edit or delete/ }).click();
  await page.getByRole('main').getByLabel('Time (UK)').fill('11:15');
  await page.getByRole('main').getByRole('button', { name: 'Save changes' }).click();
  await expect(events).toContainText('11:15');

  // The laptop's save and delete are refused, each saying why, what was typed kept.
  await edit.getByLabel('Notes').fill('Bring passport and DBS certificate');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toContainText('This date was changed in another tab or on another device');
  await expect(edit.getByLabel('Notes')).toHaveValue('Bring passport and DBS certificate');
  await jobTrack(laptop).landed();
  await laptopToo.getByRole('main').getByRole('button', { name: 'Delete' }).click();
  await expect(
    laptopToo.getByRole('main').getByRole('region', { name: 'Delete this date' }),
  ).toContainText('so it was not deleted');
  await page.reload();
  await expect(events).toContainText('11:15');

  // Saving again, having been told, is the person's choice to replace it.
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(laptop).toHaveURL(new RegExp(`/applications/${id}`));
  await expect(laptop.getByRole('main')).toContainText('Bring passport and DBS certificate');
  await expect(laptop.getByRole('main')).toContainText('10:30');
});

test('without JavaScript, a date added, then added again after Back, is on the application once', async ({
  page,
  signedIn,
  database,
}) => {
  // With JavaScript, Back returns to the form's address as a data request, which draws an empty
  // form with a key of its own.
  test.skip(!javaScriptDisabled(), 'a journey without JavaScript');
  const me = await signedIn({ label: 'date-back-and-add' });
  const id = await seed(database, me.id, { dateApplied: addDays(today, -3) });
  const main = page.getByRole('main');
  await page.goto(`/applications/${id}/events/new`);
  await jobTrack(page).fillDate('Date', day!, month!, year!);
  await main.getByLabel('Time (UK)').fill('2.15pm');
  await main.getByLabel('Notes').fill('Bring passport and DBS certificate');
  await main.getByRole('button', { name: 'Add', exact: true }).click();
  const events = main.getByRole('region', { name: 'Interviews and dates' });
  await expect(events).toContainText('14:15');

  // Back loads the form again (signed-in pages are never stored) and the browser fills in what
  // was typed, the date's boxes apart (they ask the browser not to remember them); the date typed
  // again, adding it again adds nothing.
  await page.goBack();
  await expect(main.getByLabel('Notes')).toHaveValue('Bring passport and DBS certificate');
  await expect(main.getByRole('status')).toContainText('This form was saved once already');
  await jobTrack(page).landed();
  await jobTrack(page).fillDate('Date', day!, month!, year!);
  await main.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(events).toContainText('14:15');
  await expect(events.getByRole('link', { name: /Edit or delete/ })).toHaveCount(1);
});
