import { randomBytes } from 'node:crypto';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { addSupabaseAuthTables, authSessionsWriter, authUsersWriter } from '../mocks/supabase-auth';
import { createFakeSupabaseAuth, type FakeSupabaseAuth } from '../mocks/supabase/fake-auth';
import { serveFakeSupabase } from '../mocks/supabase/http-server';
import { isoDaysFromNow, jobTrack, uniqueEmail } from './support/app';
import { startStack, type Stack } from './support/stack';

// Every account journey again with AUTH_MODE=supabase: a second Worker whose Supabase Auth is the
// fake project of test/mocks/supabase served on loopback (it sends the emails itself, as Supabase
// does, and writes its users into this stack's auth.users). JavaScript on and off, as the others.

const KEYS = {
  publishable: 'sb_publishable_e2e00000000000000',
  secret: 'sb_secret_e2e0000000000000000',
};
const GOOGLE = { email: 'priya.shah.e2e@gmail.com', name: 'Priya Shah' };
// Over plain http (the tests) the session cookie has no __Host- prefix.
const SESSION = 'jobtrack_session';
const VERIFIER = `${SESSION}-code-verifier`;

type Project = { stack: Stack; fake: FakeSupabaseAuth };

const test = base.extend<{ cookies: { seen: Set<string> } }, { project: Project }>({
  project: [
    // Playwright reads a fixture's dependencies from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      let fake: FakeSupabaseAuth | undefined;
      const server = await serveFakeSupabase(() => fake!);
      let admin: postgres.Sql | undefined;
      let stack: Stack | undefined;
      try {
        stack = await startStack({
          // The build test/e2e/run.ts made (i8 builds into its own folder, never build/).
          buildDir: '.cache/e2e',
          build: false,
          quiet: true,
          workerEnv: {
            AUTH_MODE: 'supabase',
            SUPABASE_URL: server.url,
            SUPABASE_PUBLISHABLE_KEY: KEYS.publishable,
            SUPABASE_SECRET_KEY: KEYS.secret,
            GOOGLE_SIGN_IN: 'on',
          },
        });
        admin = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
        await addSupabaseAuthTables(admin);
        const sql = admin;
        fake = await createFakeSupabaseAuth({
          url: server.url,
          publishableKey: KEYS.publishable,
          secretKey: KEYS.secret,
          siteUrl: stack.baseUrl,
          maxFrequencySec: 0,
          google: GOOGLE,
          onUserWrite: authUsersWriter(() => sql),
          onSessionWrite: authSessionsWriter(() => sql),
        });
        await provide({ stack, fake });
      } finally {
        await admin?.end();
        await stack?.stop();
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ project }, provide) => provide(project.stack.baseUrl),
  // Each test its own client to the per-client rate limits, as in support/fixtures.ts.
  // eslint-disable-next-line no-empty-pattern
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ 'CF-Connecting-IP': `10.${[...randomBytes(3)].join('.')}` });
  },
  cookies: async ({ context }, provide) => {
    await provide(recordCookies(context));
  },
});

/** Every cookie name the pages set during the test. */
function recordCookies(context: BrowserContext) {
  const seen = new Set<string>();
  context.on('response', (response) => {
    void response
      .headerValues('set-cookie')
      .then((values) => {
        for (const cookie of values.flatMap((v) => v.split('\n'))) {
          seen.add(cookie.split('=')[0]!.trim());
        }
      })
      .catch(() => {});
  });
  return { seen };
}

/** The newest link in the newest email of `template` the fake project sent to `to`. */
function emailedLink(fake: FakeSupabaseAuth, to: string, template: string) {
  const email = fake
    .emailsTo(to)
    .filter((e) => e.template === template)
    .at(-1);
  expect(email, `a ${template} email to ${to}`).toBeTruthy();
  const link = email!.body.match(/https?:\/\/\S+/)?.[0];
  expect(link, `a link in the ${template} email`).toBeTruthy();
  return link!;
}

async function expectOnlyTheSessionCookie(page: Page, seen: Set<string>) {
  const held = (await page.context().cookies()).map((c) => c.name);
  expect(held).toEqual([SESSION]);
  for (const name of seen) expect([SESSION], `a cookie named ${name}`).toContain(name);
}

const nurse = {
  company: 'Leeds Teaching Hospitals NHS Trust',
  role: 'Staff Nurse (Band 5)',
  status: 'Applied',
  dateApplied: isoDaysFromNow(-3),
  closingDate: isoDaysFromNow(9),
  grade: 'Band 5',
  salaryMin: '29,970',
  salaryMax: '36,483',
  source: 'NHS Jobs',
};

test('with Supabase Auth, a person signs up, confirms, keeps an application, resets the password and signs in by link', async ({
  page,
  project,
  cookies,
}) => {
  test.setTimeout(300_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const email = uniqueEmail('supabase');
  const password = 'plum kettle orbit 42';
  const newPassword = 'lantern meadow quartz 77';

  await test.step('sign up; Supabase sends the confirmation, whose link asks for the password', async () => {
    await app.signUp(email, password);
    await page.goto(emailedLink(project.fake, email, 'confirmation'));
    await app.landed();
    await main.getByLabel('Password chosen at sign-up').fill(password);
    await main.getByRole('button', { name: 'Confirm and sign in' }).click();
    await app.expectDashboard();
  });

  await test.step('add an NHS Band 5 application', async () => {
    await app.openList();
    await app.addApplication(nurse);
    await expect(main).toContainText('£29,970 to £36,483');
  });

  await test.step('sign out, then reset the password from the emailed link', async () => {
    await app.signOut();
    await page.goto('/forgot-password');
    await main.getByLabel('Email', { exact: true }).fill(email);
    await main.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await page.goto(emailedLink(project.fake, email, 'recovery'));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    await app.landed();
    await main.getByLabel('New password', { exact: true }).fill(newPassword);
    await main.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await app.signOut();
  });

  await test.step('the old password no longer signs in; the new one does, and the application is there', async () => {
    await app.signIn(email, password);
    await expect(main).toContainText('Email or password is wrong.');
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
    await app.signIn(email, newPassword);
    await app.expectDashboard();
    await app.openList();
    await expect(
      main.getByRole('link', { name: `${nurse.role} at ${nurse.company}` }),
    ).toBeVisible();
    await app.signOut();
  });

  await test.step('sign in with an emailed link', async () => {
    await page.goto('/magic-link');
    await main.getByLabel('Email', { exact: true }).fill(email);
    await main.getByRole('button', { name: 'Send sign-in link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await page.goto(emailedLink(project.fake, email, 'magic_link'));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sign in to JobTrack' }),
    ).toBeVisible();
    await main.getByRole('button', { name: 'Continue' }).click();
    await app.expectDashboard();
  });

  await test.step('the only cookie the app ever set is the session cookie', async () => {
    await expectOnlyTheSessionCookie(page, cookies.seen);
  });
});

/**
 * Holds back the browser's form checks (zod and the sign-up schemas, loaded on the form's first
 * use) until `release`, which waits for them to be running when the page has JavaScript.
 */
async function holdTheChecks(page: Page) {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  await page.route(/\/assets\/(validate|auth-schemas)-[\w-]+\.js$/, async (route) => {
    await opened;
    await route.continue();
  });
  return {
    async release() {
      open();
      if (test.info().project.name === 'js') {
        await expect(page.locator('form[data-checks-ready]')).toHaveCount(1);
      }
    },
  };
}

/** Screenshots of the page at a phone's width and a desktop's, kept with the test's output. */
async function photograph(page: Page, label: string) {
  const size = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: test.info().outputPath(`${label}-${width}.png`),
      fullPage: true,
    });
  }
  if (size) await page.setViewportSize(size);
}

test('Google: a first sign-in makes no account until "I am 18 or over" is ticked on the sign-up page; then the account signs in with Google as any other', async ({
  page,
  project,
  cookies,
}) => {
  test.setTimeout(180_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const person = { email: uniqueEmail('google'), name: 'Priya Shah' };
  project.fake.signInAtGoogleAs(person);
  const accounts = () =>
    [...project.fake.state.users.values()].filter((u) => u.email === person.email);

  await test.step('Sign in with Google with no account: back on the sign-up page, asked for the age, nothing kept', async () => {
    await page.goto('/signin');
    await main.getByRole('button', { name: 'Sign in with Google' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in with Google (fake)' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/signup\?notice=google-age$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'You are not signed in yet.' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
    expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
    expect(accounts()).toEqual([]);
    await app.landed();
    await photograph(page, 'google-age-asked');
  });

  // Pressed before the browser's checks have arrived (a slow connection), so the action answers:
  // held here so that the test takes that way every time, not only on a slow machine.
  const checks = await holdTheChecks(page);

  await test.step('Continue with Google without the box: the message beside the box, nothing sent', async () => {
    await main.getByLabel('Email', { exact: true }).fill(person.email);
    await main.getByRole('button', { name: 'Continue with Google' }).click();
    const box = main.getByLabel('I am 18 or over');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(main.getByText('Confirm that you are 18 or over').first()).toBeVisible();
    await expect(box).toBeFocused();
    await expect(main.getByLabel('Email', { exact: true })).toHaveValue(person.email);
    expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
    await app.landed();
    await photograph(page, 'google-age-refused');
    await checks.release();
  });

  await test.step('tick the box and continue with Google: signed in, on the dashboard', async () => {
    await main.getByLabel('I am 18 or over').check();
    // The empty password is not Google's business: ticking the box brings no message about it.
    await expect(main.getByText('Confirm that you are 18 or over')).toHaveCount(
      test.info().project.name === 'js' ? 0 : 2,
    );
    await expect(main.getByText('Enter a password')).toHaveCount(0);
    await main.getByRole('button', { name: 'Continue with Google' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in with Google (fake)' })).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).toEqual([VERIFIER]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await app.expectDashboard();
    expect(accounts()).toHaveLength(1);
    expect(accounts()[0]!.raw_app_meta_data).toMatchObject({ jobtrack_adult: true });
  });

  await test.step('keep an application, sign out, and come back through the sign-in page’s Google button', async () => {
    await app.openList();
    await app.addApplication({
      company: 'HM Revenue & Customs',
      role: 'Executive Officer',
      status: 'Saved',
      grade: 'EO',
      closingDate: isoDaysFromNow(14),
    });
    await app.signOut();
    await page.goto('/signin');
    await main.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await app.expectDashboard();
    await app.openList();
    await expect(
      main.getByRole('link', { name: 'Executive Officer at HM Revenue & Customs' }),
    ).toBeVisible();
  });

  await test.step('the verifier lived only while Google was open; the session is the only cookie', async () => {
    expect([...cookies.seen].sort()).toEqual([SESSION, VERIFIER].sort());
    await expectOnlyTheSessionCookie(page, new Set([SESSION]));
    await app.signOut();
    expect(await page.context().cookies()).toEqual([]);
  });
});

test('Sign in with Google, cancelled at Google: back on the sign-in page with a message, signed out', async ({
  page,
}) => {
  const main = page.getByRole('main');
  await page.goto('/signin');
  await main.getByRole('button', { name: 'Sign in with Google' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(
    page.getByText('Sign in with Google was cancelled, so you are not signed in.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(SESSION);
});
