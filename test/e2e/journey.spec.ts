import { rowsMentioning } from './support/database';
import { expect, test } from './support/fixtures';
import { isoDaysFromNow, jobTrack, uniqueEmail } from './support/app';

// The whole life of an account, run once with JavaScript and once without (see playwright.config.ts).
// Every page along the way gets an axe-core scan.

const analyst = {
  company: 'Department for Education',
  role: 'Data Analyst',
  status: 'Applied',
  dateApplied: isoDaysFromNow(-2),
  closingDate: isoDaysFromNow(3),
  advertUrl: 'https://www.civilservicejobs.service.gov.uk/csr/jobs.cgi?jcode=1900001',
  location: 'Sheffield',
  closingTime: '23:55',
  reference: '383021',
  grade: 'HEO',
  salaryMin: '32,000',
  salaryMax: '36,000',
  source: 'Civil Service Jobs',
  notes: 'Two-stage interview.\nSuccess Profiles: behaviours and technical test.',
};
const engineer = {
  company: 'NHS England',
  role: 'Software Engineer',
  status: 'Saved',
  closingDate: isoDaysFromNow(20),
};
const designer = { company: 'Acme Widgets Ltd', role: 'Product Designer', status: 'Interviewing' };
const name = (a: { role: string; company: string }) => `${a.role} at ${a.company}`;

test('a person signs up, keeps applications, and resets their password', async ({
  page,
  extraHTTPHeaders,
}) => {
  // About 30 pages, each with an axe-core scan, on two slow cores; with the UK fields the three
  // applications alone take 100 s when other work shares the machine (measured 28 Nov 2026).
  test.setTimeout(420_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const email = uniqueEmail('journey');
  const password = 'plum kettle orbit 42';
  const newPassword = 'lantern meadow quartz 77';

  await test.step('the landing page invites people to sign up or sign in', async () => {
    await page.goto('/');
    // The contract fixes where these links go, not their wording.
    await expect(main.locator('a[href="/signup"]').first()).toBeVisible();
    await expect(main.locator('a[href="/signin"]').first()).toBeVisible();
    await app.landed();
  });

  await test.step('sign up, then confirm through the emailed link', async () => {
    await app.signUp(email, password);
    await app.confirmSignUp(email, password);
  });

  await test.step('add three applications', async () => {
    await app.openList();
    await app.addApplication(analyst);
    await expect(main).toContainText('£32,000 to £36,000');
    await expect(main).toContainText('HEO');
    await app.openList();
    await app.addApplication(engineer);
    await app.openList();
    await app.addApplication(designer);
  });

  await test.step('an invalid address is refused beside its field, keeping what was typed', async () => {
    await app.openList();
    await page.getByRole('link', { name: 'Add application' }).click();
    await app.fillApplication({
      company: 'Bad Link plc',
      role: 'Tester',
      advertUrl: 'javascript:alert(1)',
    });
    await main.getByRole('button', { name: 'Save application' }).click();
    const url = main.getByLabel('Job advert URL', { exact: true });
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(main).toContainText('Enter a web address, such as www.jobs.nhs.uk/… or https://…');
    await expect(url).toBeFocused();
    await expect(main.getByLabel('Company', { exact: true })).toHaveValue('Bad Link plc');
    await expect(page).toHaveURL(/\/applications\/new(\?key=[0-9a-f-]{36})?$/);
    await app.landed();
  });

  const senior = { ...designer, role: 'Senior Product Designer' };
  await test.step('edit one', async () => {
    await app.openList();
    await main.getByRole('link', { name: name(designer), exact: true }).click();
    await app.expectApplicationPage(designer);
    await main.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page).toHaveURL(/\/edit$/);
    await expect(main.getByLabel('Company', { exact: true })).toHaveValue(designer.company);
    await app.landed();
    await app.fillApplication({ role: senior.role, location: 'Leeds (hybrid)' });
    await main.getByRole('button', { name: 'Save application' }).click();
    await app.expectApplicationPage(senior);
    await expect(main).toContainText('Leeds (hybrid)');
  });

  await test.step('change a status in one step from the list', async () => {
    await app.openList();
    const select = page.getByLabel(`Status for ${name(engineer)}`, { exact: true });
    // `has` is matched inside each form, so its locator must start from the page, not from main.
    const row = main.locator('form').filter({ has: select });
    await select.selectOption({ label: 'Applied' });
    await row.getByRole('button', { name: 'Update' }).click();
    await expect(page).toHaveURL(/\/applications/);
    await expect(main.getByLabel(`Status for ${name(engineer)}`, { exact: true })).toHaveValue(
      'applied',
    );
    await app.landed();
    await main.getByRole('link', { name: name(engineer), exact: true }).click();
    await app.expectApplicationPage(engineer);
    // Newest first: the change just made, then the status it was added with.
    const history = main.getByRole('region', { name: 'Status history' }).getByRole('listitem');
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText('Applied');
    await expect(history.last()).toContainText('Saved');
  });

  await test.step('filter by status, then search by company', async () => {
    await app.openList();
    await app.openFilters();
    await main.getByLabel('Status', { exact: true }).selectOption({ label: 'Applied' });
    await main.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page).toHaveURL(/status=applied/);
    await expect(main.getByRole('link', { name: name(analyst), exact: true })).toBeVisible();
    await expect(main.getByRole('link', { name: name(engineer), exact: true })).toBeVisible();
    await expect(main.getByRole('link', { name: name(senior), exact: true })).toHaveCount(0);
    await app.landed();

    await main.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });
    await main.getByLabel('Search', { exact: true }).fill('NHS');
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/q=NHS/);
    await expect(main.getByRole('link', { name: name(engineer), exact: true })).toBeVisible();
    await expect(main.getByRole('link', { name: name(analyst), exact: true })).toHaveCount(0);
    await expect(main.getByRole('link', { name: name(senior), exact: true })).toHaveCount(0);
    await app.landed();
  });

  await test.step('delete one after a confirmation page', async () => {
    await app.openList();
    await main.getByRole('link', { name: name(senior), exact: true }).click();
    await app.expectApplicationPage(senior);
    await main.getByRole('link', { name: 'Delete', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Delete ${name(senior)}?` }),
    ).toBeVisible();
    await expect(main.getByRole('link', { name: 'Cancel' })).toBeVisible();
    await app.landed();
    await main.getByRole('button', { name: 'Delete application' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=deleted$/);
    await expect(main.getByRole('link', { name: name(senior), exact: true })).toHaveCount(0);
    await expect(main.getByRole('link', { name: name(analyst), exact: true })).toBeVisible();
    await app.landed();
  });

  await test.step('sign out, and the list is no longer reachable', async () => {
    await app.signOut();
    await page.goto('/applications');
    await expect(page).toHaveURL(/\/signin\?redirectTo=/);
  });

  await test.step('sign in again, back to the list; the dashboard shows what to apply for', async () => {
    await app.signIn(email, password, { goto: false });
    await expect(page).toHaveURL(/\/applications$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
    await page.goto('/');
    await app.expectDashboard();
    await expect(page.getByRole('heading', { name: 'To apply for' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Applications by status' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'In progress' })).toBeVisible();
    await expect(main.getByRole('link', { name: /^Applied\s+2$/ })).toBeVisible();
    await app.signOut();
  });

  await test.step('reset a forgotten password through the emailed link', async () => {
    await page.goto('/signin');
    await main.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await app.landed();
    await main.getByLabel('Email', { exact: true }).fill(email);
    await main.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await app.landed();
    await app.followEmailLink(email, '/reset-password?token=');
    await main.getByLabel('New password', { exact: true }).fill(newPassword);
    await main.getByRole('button', { name: 'Set new password' }).click();
    // Signed in afresh, on the account page with a notice that says it worked.
    await expect(page).toHaveURL(/\/account\?notice=password-reset$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(
      main.getByRole('status').filter({ hasText: 'Your new password is set.' }),
    ).toBeVisible();
    await app.landed();
  });

  await test.step('the old password no longer works; the new one does', async () => {
    await app.signOut();
    await app.signIn(email, password);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
    await app.landed();
    await app.signIn(email, newPassword);
    await app.expectDashboard();
  });

  await test.step('no column of any table holds the client’s IP address', async () => {
    // The address Cloudflare reports for the client (the fixtures give each test its own).
    const address = extraHTTPHeaders!['CF-Connecting-IP']!;
    const { tables, found } = await rowsMentioning(address);
    expect(tables).toEqual(expect.arrayContaining(['auth.users', 'jobtrack.sessions']));
    expect(found).toEqual([]);
  });
});
