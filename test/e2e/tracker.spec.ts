import type { Page } from '@playwright/test';
import type { DbHandle } from '#db/client';
import type { ApplicationInput } from '~/applications/application-schema';
import { addDays, formatDate, todayInLondon } from '~/applications/dates';
import { createApplication } from '~/applications/mutations.server';
import { makeContext } from '../support/context';
import { jobTrack } from './support/app';
import { expect, test } from './support/fixtures';
import { javaScriptDisabled, withScriptablePage } from './support/mirror';

// What a UK job seeker tripped over, tried in Chromium with JavaScript on and off: dates typed the
// GOV.UK way, closing dates that sort and read right, search, the dashboard, a phone, unsaved
// changes and the board. Every page a test lands on gets an axe-core scan.

const today = todayInLondon();
const on = (days: number) => addDays(today, days);

/** Gives `userId` applications through the app's own code (RLS and history included). */
async function seed(database: DbHandle, userId: string, ...rows: Array<Partial<ApplicationInput>>) {
  const { context } = makeContext(database);
  for (const row of rows) {
    const input: ApplicationInput = {
      company: 'Acme',
      role: 'Clerk',
      status: 'saved',
      mayCloseEarly: false,
      ...row,
    };
    await createApplication(context, userId, input);
  }
}

const rowFor = (page: Page, name: string) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', { name, exact: true }),
    });

test('an impossible date is refused beside its field and in a summary, every box kept', async ({
  page,
  signedIn,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  await signedIn({ label: 'dates' });
  await page.goto('/applications/new');
  await app.landed();
  await app.fillApplication({ company: 'DWP', role: 'Work Coach', status: 'Saved' });
  await app.fillDate('Closing date', '31', '2', '2027');
  await main.getByRole('button', { name: 'Save application' }).click();

  const closing = main.getByRole('group', { name: 'Closing date', exact: true });
  await expect(closing).toContainText('Closing date must be a real date');
  await expect(closing.getByLabel('Day', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(closing.getByLabel('Day', { exact: true })).toHaveValue('31');
  await expect(closing.getByLabel('Month', { exact: true })).toHaveValue('2');
  await expect(closing.getByLabel('Year', { exact: true })).toHaveValue('2027');
  await expect(main.getByLabel('Company', { exact: true })).toHaveValue('DWP');
  await expect(closing.getByLabel('Day', { exact: true })).toBeFocused();
  const summary = main.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(
    summary.getByRole('link', { name: 'Closing date must be a real date' }),
  ).toHaveAttribute('href', '#application-closingDate.day');
  await app.landed();

  // The summary's link takes the person to the box to fix.
  await main.getByLabel('Company', { exact: true }).focus();
  await summary.getByRole('link', { name: 'Closing date must be a real date' }).click();
  if (!javaScriptDisabled()) await expect(closing.getByLabel('Day', { exact: true })).toBeFocused();
  await expect(page).toHaveURL(/#application-closingDate\.day$|\/applications\/new/);

  await app.fillDate('Closing date', '28', 'Feb', '2027');
  await main.getByRole('button', { name: 'Save application' }).click();
  await app.expectApplicationPage({ company: 'DWP', role: 'Work Coach' });
  await expect(main).toContainText('28 Feb 2027');
});

test('notes pasted past their limit are kept whole and refused beside the field, not cut short', async ({
  page,
  signedIn,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  await signedIn({ label: 'long-notes' });
  await page.goto('/applications/new');
  await app.landed();
  await app.fillApplication({ company: 'Leeds Teaching Hospitals', role: 'Staff Nurse' });
  // A whole NHS advert and job description pasted into the notes: past their 20,000 characters.
  const advert = 'Band 5 Staff Nurse, Ward 12, St James’s University Hospital. '.repeat(340);
  const notes = main.getByLabel('Notes', { exact: true });
  await notes.fill(advert);
  // Compared by length: a failure prints two numbers, not 20,000 characters twice.
  expect((await notes.inputValue()).length).toBe(advert.length);
  await main.getByRole('button', { name: 'Save application' }).click();

  const message = 'Notes must be 20,000 characters or fewer';
  await expect(main.locator('.field').filter({ hasText: message })).toBeVisible();
  expect((await notes.inputValue()) === advert, 'the notes kept, every character').toBe(true);
  await expect(main.getByLabel('Company', { exact: true })).toHaveValue('Leeds Teaching Hospitals');
  await app.landed();
});

test('an application added as Applied on an earlier day shows that day in its history', async ({
  page,
  signedIn,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  await signedIn({ label: 'history' });
  await page.goto('/applications/new');
  const [year, month, day] = on(-8).split('-') as [string, string, string];
  await app.fillApplication({
    company: 'Leeds Teaching Hospitals NHS Trust',
    role: 'Staff Nurse',
    status: 'Applied',
    reference: 'C9174-24-0123',
    grade: 'Band 5',
    salaryMin: '29,970',
    salaryMax: '36,483',
    closingDate: on(5),
    mayCloseEarly: true,
  });
  await app.fillDate('Date applied', String(Number(day)), month, year);
  await main.getByRole('button', { name: 'Save application' }).click();
  await app.expectApplicationPage({
    company: 'Leeds Teaching Hospitals NHS Trust',
    role: 'Staff Nurse',
  });
  const history = main.getByRole('region', { name: 'Status history' }).getByRole('listitem');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('Applied');
  await expect(history.first()).toContainText(formatDate(on(-8)));
  await expect(main).toContainText('£29,970 to £36,483');
  await expect(main).toContainText('C9174-24-0123');
  await expect(main).toContainText('Closes in 5 days');
  await expect(main).toContainText('May close early');
});

test('without JavaScript, a form saved, then saved again after Back, adds one application', async ({
  page,
  signedIn,
}) => {
  // With JavaScript, Back returns to the form's address as a data request, which draws an empty
  // form with a key of its own.
  test.skip(!javaScriptDisabled(), 'a journey without JavaScript');
  const app = jobTrack(page);
  const main = page.getByRole('main');
  await signedIn({ label: 'back-and-save' });
  const job = { company: 'HM Revenue and Customs', role: 'Executive Officer' };
  await page.goto('/applications/new');
  await app.fillApplication({ ...job, grade: 'EO', salaryMin: '28,000', salaryMax: '30,500' });
  await main.getByRole('button', { name: 'Save application' }).click();
  await app.expectApplicationPage(job);
  const saved = page.url();

  // Back loads the form again (signed-in pages are never stored) and the browser fills in what
  // was typed; saving it again lands on the same application.
  await page.goBack();
  await expect(main.getByLabel('Company', { exact: true })).toHaveValue(job.company);
  await expect(main.getByRole('status')).toContainText(
    `This form was saved once already, as ${job.role} at ${job.company}`,
  );
  await main.getByRole('button', { name: 'Save application' }).click();
  await app.expectApplicationPage(job);
  expect(page.url()).toBe(saved);
  await page.goto('/applications');
  await expect(main.getByRole('link', { name: `${job.role} at ${job.company}` })).toHaveCount(1);
});

test('the list sorts by closing date with open adverts first and says when each closes', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const me = await signedIn({ label: 'closing' });
  await seed(
    database,
    me.id,
    { company: 'Closed Co', role: 'Clerk', closingDate: on(-4) },
    { company: 'Later Co', role: 'Clerk', closingDate: on(10) },
    { company: 'Soon Co', role: 'Clerk', closingDate: on(3) },
    { company: 'No Date Co', role: 'Clerk' },
  );
  await app.openList('?sort=closing');
  const titles = page.getByRole('main').locator('.app-row__title');
  await expect(titles).toHaveText([
    'Clerk at Soon Co',
    'Clerk at Later Co',
    'Clerk at Closed Co',
    'Clerk at No Date Co',
  ]);
  await expect(rowFor(page, 'Clerk at Soon Co')).toContainText('Closes in 3 days');
  await expect(rowFor(page, 'Clerk at Closed Co')).toContainText('Closed');
  // Sorting is remembered in the open "Filter and sort".
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('closing');
});

test('search finds a reference number and words in the notes', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page, { audit: false });
  const main = page.getByRole('main');
  const me = await signedIn({ label: 'search' });
  await seed(
    database,
    me.id,
    { company: 'HMRC', role: 'Policy Adviser', reference: '379112' },
    { company: 'Monzo', role: 'Engineer', notes: 'Referred by Priya' },
    { company: 'Greggs', role: 'Marketing Executive', location: 'Newcastle' },
  );
  await app.openList();
  for (const [q, found] of [
    ['379112', 'Policy Adviser at HMRC'],
    ['priya', 'Engineer at Monzo'],
    ['newcastle', 'Marketing Executive at Greggs'],
  ] as const) {
    await main.getByLabel('Search', { exact: true }).fill(q);
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`q=${q}`));
    await expect(main.locator('.app-row__title')).toHaveText([found]);
  }
});

test('the dashboard separates what to apply for, what was missed and what is in progress', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const me = await signedIn({ label: 'dash' });
  await seed(
    database,
    me.id,
    { company: 'DWP', role: 'Work Coach', status: 'saved', closingDate: on(2) },
    { company: 'NHS', role: 'Physiotherapist', status: 'saved', closingDate: on(-3) },
    { company: 'Uni', role: 'Research Associate', status: 'interviewing' },
    { company: 'Monzo', role: 'Engineer', status: 'offer' },
  );
  await page.goto('/');
  await app.expectDashboard();
  const section = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(section('To apply for')).toContainText('Work Coach at DWP');
  await expect(section('To apply for')).toContainText('Closes in 2 days');
  await expect(section('To apply for').getByRole('heading', { name: 'Missed' })).toBeVisible();
  await expect(section('To apply for')).toContainText('Physiotherapist at NHS');
  await expect(section('In progress')).toContainText('Research Associate at Uni');
  await expect(section('In progress')).toContainText('Engineer at Monzo');
  await expect(section('In progress')).not.toContainText('Work Coach');
});

test('on a 390 px phone the first application shows on the first screen and long titles wrap', async ({
  page,
  signedIn,
  database,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = jobTrack(page);
  const me = await signedIn({ label: 'phone-list' });
  await seed(database, me.id, {
    company: 'Sheffield Teaching Hospitals NHS Foundation Trust',
    role: 'Highly Specialist Musculoskeletal Physiotherapist (Band 7, Fixed Term)',
    closingDate: on(6),
  });
  await app.openList();
  const title = page.getByRole('main').locator('.app-row__title').first();
  await expect(page.getByText('Filter and sort')).toBeVisible();
  await expect(page.getByLabel('Sort by', { exact: true })).toBeHidden();
  const box = await withScriptablePage(page, async (target) => {
    const first = target.locator('.app-row__title').first();
    return first.boundingBox();
  });
  expect(box, 'the first application’s title').not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  expect(box!.width).toBeLessThanOrEqual(390);
  await expect(title).toBeVisible();
  const width = await withScriptablePage(page, (target) =>
    target.evaluate(() => document.scrollingElement!.scrollWidth),
  );
  expect(width).toBeLessThanOrEqual(390);
});

test('leaving a changed form asks first, and staying keeps what was typed', async ({
  page,
  signedIn,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript nothing is asked, by design.');
  const app = jobTrack(page, { audit: false });
  const main = page.getByRole('main');
  await signedIn({ label: 'unsaved' });
  await page.goto('/applications/new');
  // Nothing typed yet: leaving asks nothing.
  let asked = 0;
  page.on('dialog', (dialog) => {
    asked += 1;
    void (asked === 1 ? dialog.dismiss() : dialog.accept());
  });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await app.expectDashboard();
  expect(asked).toBe(0);

  await page.goto('/applications/new');
  await app.fillApplication({ company: 'Half Typed Ltd' });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect.poll(() => asked).toBe(1);
  await expect(page).toHaveURL(/\/applications\/new(\?key=[0-9a-f-]{36})?$/);
  await expect(main.getByLabel('Company', { exact: true })).toHaveValue('Half Typed Ltd');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect.poll(() => asked).toBe(2);
  await app.expectDashboard();

  // Saving is not leaving.
  await page.goto('/applications/new');
  await app.fillApplication({ company: 'Saved Ltd', role: 'Clerk' });
  await main.getByRole('button', { name: 'Save application' }).click();
  await app.expectApplicationPage({ company: 'Saved Ltd', role: 'Clerk' });
  expect(asked).toBe(2);
});

const column = (page: Page, status: string) =>
  page.getByRole('main').getByRole('region', { name: new RegExp(`^${status} \\d+$`) });

/**
 * The board's save of a move. A card moves at once, before its save answers: a test that reloads
 * waits for this first, or on a busy machine the reload can overtake the save.
 */
const statusSaved = (page: Page) =>
  page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      /\/applications\/[^/]+\/status/.test(response.url()),
  );

test('on the board each card moves with its status menu', async ({ page, signedIn, database }) => {
  const app = jobTrack(page);
  const me = await signedIn({ label: 'board-menu' });
  await seed(database, me.id, { company: 'DWP', role: 'Work Coach', status: 'saved' });
  await page.goto('/applications/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await app.landed();
  await expect(column(page, 'Saved')).toContainText('Work Coach at DWP');
  await page.getByLabel('Status for Work Coach at DWP', { exact: true }).selectOption('applied');
  await column(page, 'Saved').getByRole('button', { name: 'Move', exact: true }).click();
  await expect(column(page, 'Applied')).toContainText('Work Coach at DWP');
  await expect(column(page, 'Saved')).not.toContainText('Work Coach at DWP');
  const notice = page.getByRole('main').locator('.move-notice__text');
  await expect(notice).toHaveText('Work Coach at DWP moved to Applied, from Saved.');
  // With JavaScript it floats over the foot of the screen; without, every move loads the page
  // afresh and it stays in the page, in view as it scrolls.
  await expect(page.getByRole('main').locator('.move-notice')).toHaveCSS(
    'position',
    javaScriptDisabled() ? 'sticky' : 'fixed',
  );
  // Sent again with the status it now has: nothing to move, and the board says so.
  await column(page, 'Applied').getByRole('button', { name: 'Move', exact: true }).click();
  await expect(notice).toHaveText('Nothing was changed: the application already had that status.');
  await page.reload();
  await expect(column(page, 'Applied')).toContainText('Work Coach at DWP');
  await app.landed();

  // Columns past the edge (on a phone, all but one) are a link away, each with its count.
  await page.setViewportSize({ width: 390, height: 844 });
  const columns = page.getByRole('navigation', { name: 'Board columns' });
  await expect(columns.getByRole('link')).toHaveCount(8);
  await columns.getByRole('link', { name: 'Ghosted 0' }).click();
  await expect(column(page, 'Ghosted')).toBeInViewport();
  await expect(column(page, 'Saved')).not.toBeInViewport();
});

test('on the board a card is dragged to another column', async ({ page, signedIn, database }) => {
  test.skip(javaScriptDisabled(), 'Dragging needs JavaScript; the menu serves without it.');
  const me = await signedIn({ label: 'board-drag' });
  await seed(database, me.id, { company: 'HMRC', role: 'Policy Adviser', status: 'applied' });
  await page.goto('/applications/board');
  const card = column(page, 'Applied').getByRole('listitem').filter({ hasText: 'HMRC' });
  await expect(card.getByRole('button', { name: /with the keyboard/ })).toBeVisible();
  const saved = statusSaved(page);
  await card.dragTo(column(page, 'Interviewing'));
  await expect(column(page, 'Interviewing')).toContainText('Policy Adviser at HMRC');
  expect((await saved).ok()).toBe(true);
  await page.reload();
  await expect(column(page, 'Interviewing')).toContainText('Policy Adviser at HMRC');
});

test('on the board a dragged card’s move is said over the foot of the screen, the columns staying put, and Undo puts back its status and date applied', async ({
  page,
  signedIn,
  database,
}) => {
  test.skip(javaScriptDisabled(), 'Dragging needs JavaScript; move-notice tests cover the menu.');
  const app = jobTrack(page);
  const me = await signedIn({ label: 'board-undo' });
  const nhs = { company: 'Leeds Teaching Hospitals NHS Trust', role: 'Staff Nurse (Band 5)' };
  const name = `${nhs.role} at ${nhs.company}`;
  await seed(database, me.id, { ...nhs, status: 'saved' });
  await page.goto('/applications/board');
  const card = column(page, 'Saved').getByRole('listitem').filter({ hasText: nhs.company });
  await expect(card.getByRole('button', { name: /with the keyboard/ })).toBeVisible();
  const columnsTop = async () => (await column(page, 'Applied').boundingBox())?.y;
  const before = await columnsTop();
  await card.dragTo(column(page, 'Applied'));
  const notice = page.getByRole('main').locator('.move-notice');
  await expect(notice.locator('.move-notice__text')).toHaveText(
    `${name} moved to Applied, from Saved.`,
  );
  // In the page's flow it would push the columns down under the card just dropped.
  await expect(notice).toHaveCSS('position', 'fixed');
  await expect.poll(columnsTop).toBe(before);
  // Loaded again with nothing focused, the page (taller than the screen) stays at its top.
  await page.reload();
  await expect(
    column(page, 'Applied').getByRole('button', { name: /with the keyboard/ }),
  ).toBeVisible();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(
    await page.evaluate(() => document.documentElement.scrollHeight - innerHeight),
  ).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(column(page, 'Applied')).toContainText(name);
  await app.landed();
  // The move to Applied dated the application today; the undo takes that back with the status.
  await notice.getByRole('button', { name: 'Undo this move' }).click();
  await expect(notice.locator('.move-notice__text')).toContainText('The move was undone');
  await expect(column(page, 'Saved')).toContainText(name);
  await expect(column(page, 'Applied')).not.toContainText(name);
  await column(page, 'Saved').getByRole('link', { name }).click();
  await app.expectApplicationPage(nhs);
  const details = page.getByRole('main').getByRole('region', { name: 'Details' });
  await expect(details).toContainText(/Date applied\s*Not given/);
});

test('on the board a move still saving when the person goes to another page does not bring them back', async ({
  page,
  signedIn,
  database,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript the move is a form post and its answer.');
  const me = await signedIn({ label: 'board-leave' });
  await seed(database, me.id, { company: 'DVLA', role: 'Administrative Officer', status: 'saved' });
  await page.goto('/applications/board');
  const card = column(page, 'Saved').getByRole('listitem').filter({ hasText: 'DVLA' });
  await expect(card.getByRole('button', { name: /with the keyboard/ })).toBeVisible();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/applications/*/status', async (route) => {
    await held;
    await route.continue();
  });
  // The list's data is held too, so that the save answers while the list is on its way.
  let show!: () => void;
  const list = new Promise<void>((resolve) => (show = resolve));
  await page.route('**/applications.data*', async (route) => {
    await list;
    await route.continue();
  });
  await card.dragTo(column(page, 'Applied'));
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'List' }).click();
  const saved = statusSaved(page);
  release();
  expect((await saved).ok()).toBe(true);
  show();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/applications$/);
  // The list shows the move without a reload: it was read again once the move was saved.
  await expect(rowFor(page, 'Administrative Officer at DVLA')).toContainText('Applied');
});

test('on the board a card is moved with the keyboard, each step announced', async ({
  page,
  signedIn,
  database,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript the status menu is the keyboard way.');
  const me = await signedIn({ label: 'board-keys' });
  await seed(database, me.id, { company: 'Monzo', role: 'Engineer', status: 'interviewing' });
  await page.goto('/applications/board');
  const handle = page.getByRole('button', { name: 'Move Engineer at Monzo with the keyboard' });
  await handle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[aria-live="polite"]')).toContainText('Picked up Engineer at Monzo');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[aria-live="polite"]')).toContainText('Offer, column 4 of 8');
  const saved = statusSaved(page);
  await page.keyboard.press('Enter');
  await expect(column(page, 'Offer')).toContainText('Engineer at Monzo');
  // Said once saved, with Undo beside it, as the board says a move from a card's menu.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Engineer at Monzo moved to Offer, from Interviewing.' }),
  ).toBeVisible();
  // Said once: the board's own announcements do not repeat it.
  await expect(page.locator('[aria-live="polite"]')).not.toContainText('moved to');
  await expect(
    page.getByRole('button', { name: 'Move Engineer at Monzo with the keyboard' }),
  ).toBeFocused();
  expect((await saved).ok()).toBe(true);
  await page.reload();
  await expect(column(page, 'Offer')).toContainText('Engineer at Monzo');
});

test('on the board a click on a card’s move button picks it up for the arrow keys', async ({
  page,
  signedIn,
  database,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript the status menu is the way to move a card.');
  const me = await signedIn({ label: 'board-click' });
  await seed(database, me.id, { company: 'HMRC', role: 'Executive Officer', status: 'applied' });
  await page.goto('/applications/board');
  const handle = page.getByRole('button', {
    name: 'Move Executive Officer at HMRC with the keyboard',
  });
  await handle.click();
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[aria-live="polite"]')).toContainText(
    'Picked up Executive Officer at HMRC',
  );
  await page.keyboard.press('ArrowRight');
  const saved = statusSaved(page);
  await page.keyboard.press('Enter');
  await expect(column(page, 'Interviewing')).toContainText('Executive Officer at HMRC');
  expect((await saved).ok()).toBe(true);
});

test('on the board a move that cannot be saved goes back, with a message', async ({
  page,
  signedIn,
  database,
}) => {
  test.skip(javaScriptDisabled(), 'Without JavaScript the move is a form post and its answer.');
  const me = await signedIn({ label: 'board-fail' });
  await seed(database, me.id, {
    company: 'Greggs',
    role: 'Marketing Executive',
    status: 'applied',
  });
  await page.goto('/applications/board');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/applications/*/status', async (route) => {
    await held;
    await route.abort('connectionfailed');
  });
  const name = 'Marketing Executive at Greggs';
  await page.getByLabel(`Status for ${name}`, { exact: true }).selectOption('ghosted');
  await column(page, 'Applied').getByRole('button', { name: 'Move', exact: true }).click();
  // Shown in its new column at once, while the save is on its way...
  await expect(column(page, 'Ghosted')).toContainText(name);
  release();
  // ...and back where it was when the save fails, with a message that says so.
  await expect(column(page, 'Applied')).toContainText(name);
  await expect(column(page, 'Ghosted')).not.toContainText(name);
  await expect(page.getByRole('alert')).toContainText(
    `${name} was not moved to Ghosted, so it is back in Applied.`,
  );
  await page.unroute('**/applications/*/status');
  await page.reload();
  await expect(column(page, 'Applied')).toContainText(name);
});

test('the stats page draws the search as charts with their figures in tables, on a phone too', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const me = await signedIn({ label: 'stats' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/stats');
  await app.landed();
  await expect(page.getByRole('main')).toContainText(
    'Your stats appear here once you have applications',
  );

  await seed(
    database,
    me.id,
    {
      company: 'Leeds Teaching Hospitals',
      role: 'Staff Nurse (Band 5)',
      status: 'applied',
      dateApplied: on(-9),
      source: 'NHS Jobs',
    },
    {
      company: 'HMRC',
      role: 'Executive Officer',
      status: 'rejected',
      dateApplied: on(-8),
      source: 'Civil Service Jobs',
    },
    { company: 'Acme', role: 'Data Analyst', status: 'saved' },
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
  await app.landed();

  const figure = (name: string) => page.getByRole('term').filter({ hasText: name }).locator('+ dd');
  await expect(figure('Applications sent')).toHaveText('2');
  await expect(figure('Response rate')).toHaveText('50%');
  // Each chart is one image named by its summary; no chart script is loaded for it.
  await expect(
    page.getByRole('img', { name: /^2 applications sent in the 12 weeks from / }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Applied: 2, Interview: 0, Offer: 0.' }),
  ).toBeVisible();
  const sources = page.getByRole('table').filter({ hasText: 'Interview rate' });
  await expect(sources.getByRole('row', { name: /Civil Service Jobs/ })).toContainText('1');
  // The figures fit the phone: nothing scrolls sideways, the sources table's rows drawn as blocks
  // of labelled lines, still a table with its rows and cells to a screen reader.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(fitsSideways(page, 'Outcomes by source, as a table')).resolves.toBe(true);
  // Sent, Offer, Interview, Rejected, Withdrawn, No reply, Interview rate.
  await expect(sources.getByRole('row', { name: /NHS Jobs/ }).getByRole('cell')).toHaveText([
    '1',
    '0',
    '0',
    '0',
    '0',
    '1',
    '0%',
  ]);
});

/** True when the named scrolling region shows all of its table without scrolling sideways. */
const fitsSideways = (page: Page, region: string) =>
  page.getByRole('region', { name: region }).evaluate((box) => box.scrollWidth <= box.clientWidth);

test('the job-search log lists what was done in a chosen fortnight, and refuses an impossible date beside its field', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const me = await signedIn({ label: 'log' });
  await seed(
    database,
    me.id,
    {
      company: 'DWP',
      role: 'Work Coach (EO)',
      status: 'applied',
      dateApplied: on(-3),
      source: 'Civil Service Jobs',
      reference: '412345',
    },
    {
      company: 'Leeds Teaching Hospitals',
      role: 'Staff Nurse (Band 5)',
      status: 'applied',
      dateApplied: on(-40),
      source: 'NHS Jobs',
    },
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/stats');
  await page.getByRole('link', { name: 'the job-search log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Job-search log' })).toBeVisible();
  await app.landed();

  const log = page.getByRole('table');
  await expect(log.getByRole('row', { name: /Work Coach \(EO\)/ })).toContainText('Applied');
  await expect(log.getByRole('row', { name: /Work Coach \(EO\)/ })).toContainText('412345');
  await expect(log).not.toContainText('Staff Nurse');
  // On the phone each entry is a block of labelled lines: nothing to scroll sideways for.
  await expect(fitsSideways(page, 'The log, as a table')).resolves.toBe(true);

  const from = page.getByRole('group', { name: 'From' });
  await from.getByLabel('Day').fill('31');
  await from.getByLabel('Month').fill('2');
  await from.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Show the log' }).click();
  await expect(from).toHaveAccessibleDescription(/From must be a real date/);
  await expect(from.getByLabel('Day')).toHaveValue('31');
  // No log beside the refused dates: none of other dates to print for them.
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toHaveCount(0);
  await app.landed();

  const [y, m, d] = on(-45).split('-');
  await from.getByLabel('Day').fill(d!);
  await from.getByLabel('Month').fill(m!);
  await from.getByLabel('Year').fill(y!);
  await page.getByRole('button', { name: 'Show the log' }).click();
  // Sent 40 days ago: in these dates. Recorded after its suggested follow-up day had passed, it
  // has no follow-up date to list.
  const nurse = page.getByRole('table').getByRole('row', { name: /Staff Nurse/ });
  await expect(nurse).toHaveCount(1);
  await expect(nurse).toContainText('Applied');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on a phone, a status change says beside its button what moved and when; a mistaken one is undone, and the link dates a move', async ({
  page,
  signedIn,
  database,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const me = await signedIn({ label: 'status-moved' });
  await seed(database, me.id, {
    company: 'Leeds Teaching Hospitals NHS Trust',
    role: 'Staff Nurse (Band 5)',
    grade: 'Band 5',
    status: 'applied',
    dateApplied: on(-20),
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/applications');
  await main
    .getByRole('link', { name: 'Staff Nurse (Band 5) at Leeds Teaching Hospitals NHS Trust' })
    .click();
  const said = main.getByRole('status').filter({ hasText: /Moved to|undone/ });
  const history = main.getByRole('region', { name: 'Status history' }).getByRole('listitem');
  await expect(said).toHaveCount(0);

  // Offer chosen by mistake: undone, it leaves no trace in the history or the job-search log.
  await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Offer' });
  await main.getByRole('button', { name: 'Update status' }).click();
  await expect(said).toHaveText(
    `Moved to Offer from Applied, dated ${formatDate(today)}. If it happened on another day, change the date.`,
  );
  // With or without JavaScript the page shows the form, not its top a screen away.
  await expect(said).toBeInViewport();
  await app.landed();
  await main.getByRole('button', { name: 'Undo this move' }).click();
  await expect(said).toHaveText(
    'The move was undone: the status, date applied and follow-up date are as they were before it.',
  );
  await expect(said).toBeInViewport();
  await expect(main.getByLabel('Status', { exact: true })).toHaveValue('applied');
  await expect(history).toHaveCount(1);
  await expect(main.getByRole('button', { name: 'Undo this move' })).toHaveCount(0);
  await app.landed();

  // Told by phone a week ago: the link dates the move, which the history then shows.
  await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Rejected' });
  await main.getByRole('button', { name: 'Update status' }).click();
  await said.getByRole('link', { name: 'change the date' }).click();
  await expect(main.getByRole('heading', { name: 'Date of a status change' })).toBeVisible();
  const [y, m, d] = on(-7).split('-') as [string, string, string];
  await app.fillDate('When it happened', d, m, y);
  await main.getByRole('button', { name: 'Save date' }).click();
  await expect(history.first()).toContainText(formatDate(on(-7)));
  await expect(said).toHaveCount(0);

  await page.goto('/job-search-log');
  await expect(main.getByRole('row').filter({ hasText: 'Staff Nurse' })).not.toHaveCount(0);
  await expect(main.getByRole('row').filter({ hasText: /offer/i })).toHaveCount(0);
});

test('an edit form opened before another device changed the application does not undo that change', async ({
  page,
  context,
  signedIn,
  database,
}) => {
  const me = await signedIn({ label: 'two-devices' });
  await seed(database, me.id, {
    company: 'HM Revenue and Customs',
    role: 'Executive Officer',
    grade: 'EO',
    status: 'applied',
    dateApplied: on(-5),
  });
  // The laptop opens the edit form; the phone then moves the application on.
  const laptop = await context.newPage();
  await laptop.goto('/applications');
  await laptop.getByRole('link', { name: 'Executive Officer at HM Revenue and Customs' }).click();
  await laptop.getByRole('link', { name: 'Edit', exact: true }).click();
  const form = laptop.getByRole('main');
  await expect(form.getByLabel('Status', { exact: true })).toHaveValue('applied');
  await page.goto(laptop.url().replace(/\/edit$/, ''));
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Interviewing' });
  await page.getByRole('button', { name: 'Update status' }).click();
  await expect(
    page.getByRole('region', { name: 'Status history' }).getByRole('listitem'),
  ).toHaveCount(2);

  // The laptop's save is refused, saying why, with what was typed kept.
  await form.getByLabel('Notes', { exact: true }).fill('Sift on 12 January');
  await form.getByRole('button', { name: 'Save application' }).click();
  await expect(form).toContainText(
    'was changed in another tab or on another device after you opened this form',
  );
  await expect(form.getByLabel('Notes', { exact: true })).toHaveValue('Sift on 12 January');
  await jobTrack(laptop).landed();
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Status history' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(page.getByRole('main')).not.toContainText('Sift on 12 January');

  // Saving again, having been told, is the person's choice to replace it.
  await form.getByRole('button', { name: 'Save application' }).click();
  await expect(laptop.getByRole('heading', { level: 1 })).toHaveText(
    'Executive Officer at HM Revenue and Customs',
  );
  await expect(laptop.getByRole('main')).toContainText('Sift on 12 January');
});

test('a status changed far down a filtered list is said in view on a phone, and undone in one press', async ({
  page,
  signedIn,
  database,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = jobTrack(page);
  const me = await signedIn({ label: 'list-move' });
  const applied = (company: string, role: string) => ({
    company,
    role,
    status: 'applied' as const,
    dateApplied: on(-20),
  });
  // Added first, so last in the list (newest update first), several screens down.
  await seed(database, me.id, applied('Department for Work and Pensions', 'Work Coach (EO)'));
  for (const trust of ['Leeds', 'Sheffield', 'Bradford', 'York', 'Hull', 'Wakefield']) {
    await seed(database, me.id, applied(`${trust} Teaching Hospitals`, 'Staff Nurse (Band 5)'));
  }
  await page.goto('/applications?status=applied');
  await app.landed();
  const name = 'Work Coach (EO) at Department for Work and Pensions';
  await page.getByLabel(`Status for ${name}`, { exact: true }).selectOption('rejected');
  await rowFor(page, name).getByRole('button', { name: 'Update' }).click();

  const notice = page.getByRole('main').locator('.move-notice');
  const said = notice.locator('.move-notice__text').first();
  await expect(said).toHaveText(new RegExp(`^${escape(name)} moved to Rejected, from Applied\\.`));
  // Said where the person is looking: the row has left this filtered list.
  await expect(said).toBeInViewport();
  await expect(rowFor(page, name)).toHaveCount(0);
  await app.landed();

  // With JavaScript, keyboard and screen reader users go on from the notice: the row has gone.
  if (!javaScriptDisabled()) await expect(notice).toBeFocused();
  await notice.getByRole('button', { name: 'Undo this move' }).click();
  await expect(page.getByRole('main').getByText(/^The move was undone/)).toBeVisible();
  await expect(rowFor(page, name)).toContainText('Applied');
  await expect(page.getByLabel(`Status for ${name}`, { exact: true })).toHaveValue('applied');
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an undo refused because the application changed since is said where Undo was pressed', async ({
  page,
  signedIn,
  database,
}) => {
  const me = await signedIn({ label: 'list-undo-refused' });
  await seed(database, me.id, {
    company: 'HM Revenue & Customs',
    role: 'Executive Officer',
    status: 'applied',
    dateApplied: on(-10),
  });
  await page.goto('/applications');
  const name = 'Executive Officer at HM Revenue & Customs';
  await page.getByLabel(`Status for ${name}`, { exact: true }).selectOption('interviewing');
  await rowFor(page, name).getByRole('button', { name: 'Update' }).click();
  const notice = page.getByRole('main').locator('.move-notice');
  await expect(notice).toContainText(`${name} moved to Interviewing, from Applied.`);
  // Changed in another tab meanwhile.
  const tab = await page.context().newPage();
  await tab.goto(
    (await notice.getByRole('link', { name: 'Open the application' }).getAttribute('href'))! +
      '/edit',
  );
  await tab.getByRole('main').getByLabel('Notes', { exact: true }).fill('Phone screen booked');
  await tab.getByRole('main').getByRole('button', { name: 'Save application' }).click();
  await tab.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await tab.close();

  await notice.getByRole('button', { name: 'Undo this move' }).click();

  await expect(notice.locator('.move-notice__text').first()).toHaveText(
    /^That move can no longer be undone/,
  );
  await expect(notice.getByRole('button', { name: 'Undo this move' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel(`Status for ${name}`, { exact: true })).toHaveValue('interviewing');
});
