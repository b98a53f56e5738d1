import { jobTrack } from './support/app';
import { rowCounts } from './support/database';
import { expect, test } from './support/fixtures';
import { javaScriptDisabled } from './support/mirror';

// The account features the main journey does not pass through, with JavaScript on and off, each
// page scanned by axe-core: the magic link, a password change, the privacy policy, a missing page,
// and deleting the account.

test('a person signs in by emailed link, changes their password, then deletes their account', async ({
  page,
  browser,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const { id, email, password } = await signedIn({ label: 'account' });
  const newPassword = 'copper willow lantern 64';

  await page.goto('/');
  await app.expectDashboard();
  await app.addApplication({
    company: 'Leeds City Council',
    role: 'Policy Officer',
    status: 'Saved',
  });
  await app.signOut();

  await test.step('sign in with a magic link', async () => {
    await page.goto('/signin');
    await main.getByRole('link', { name: 'Email me a sign-in link' }).click();
    await app.landed();
    await main.getByLabel('Email').fill(email);
    await main.getByRole('button', { name: 'Send sign-in link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await app.followEmailLink(email, 'type=magiclink');
    const spentLink = page.url();
    await main.getByRole('button', { name: 'Continue' }).click();
    await app.expectDashboard();

    // Opened again, the spent link says so at once and offers a new one.
    await page.goto(spentLink);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This link no longer works' }),
    ).toBeVisible();
    await expect(main.getByRole('link', { name: 'Email me a new sign-in link' })).toBeVisible();
    await app.landed();
  });

  await test.step('sign out of every other device from the account page', async () => {
    const laptop = await browser.newContext({
      javaScriptEnabled: test.info().project.use.javaScriptEnabled,
    });
    const other = await laptop.newPage();
    await jobTrack(other, { audit: false }).signIn(email, password);
    await jobTrack(other, { audit: false }).expectDashboard();

    await page.goto('/account');
    await main.getByRole('button', { name: 'Sign out of all other devices' }).click();
    await expect(
      main.getByRole('status').filter({ hasText: 'signed out on every other device' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await app.landed();

    await other.goto('/applications');
    await expect(other).toHaveURL(/\/signin\?redirectTo=/);
    await laptop.close();
  });

  await test.step('a wrong current password is refused beside its field', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Account' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await app.landed();
    await main.getByLabel('Current password').fill('not my password');
    await main.getByLabel('New password').fill(newPassword);
    await main.getByRole('button', { name: 'Change password' }).click();
    // Beside the field (its description) and in the error summary above the form.
    await expect(main.getByLabel('Current password')).toHaveAccessibleDescription(
      /Your current password is wrong/,
    );
    await expect(main.getByRole('link', { name: 'Your current password is wrong' })).toBeVisible();
    await app.landed();
  });

  await test.step('the right one changes it, and neither password is left in its box', async () => {
    await main.getByLabel('Current password').fill(password);
    await main.getByLabel('New password').fill(newPassword);
    await main.getByRole('button', { name: 'Change password' }).click();
    await expect(main.getByText('Your password has been changed.')).toBeVisible();
    await expect(main.getByLabel('Current password')).toHaveValue('');
    await expect(main.getByLabel('New password')).toHaveValue('');
    await app.landed();
    if (!javaScriptDisabled()) {
      // Refused just after, what was typed stays (without JavaScript no password is sent back).
      await main.getByLabel('Current password').fill('not my password');
      await main.getByLabel('New password').fill('another long passphrase 7');
      await main.getByRole('button', { name: 'Change password' }).click();
      await expect(main.getByLabel('Current password')).toHaveAccessibleDescription(
        /Your current password is wrong/,
      );
      await expect(main.getByLabel('Current password')).toHaveValue('not my password');
      await expect(main.getByLabel('New password')).toHaveValue('another long passphrase 7');
    }
  });

  await test.step('the privacy policy and a missing page are readable', async () => {
    await page.goto('/privacy');
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
    await expect(main).toContainText('hello@jobtracks.co.uk');
    await app.landed();
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await app.landed();
  });

  await test.step('delete the account, and with it every application', async () => {
    const before = await rowCounts(id);
    expect(before['jobtrack.applications']).toBe(1);
    expect(before['jobtrack.status_changes']).toBe(1);
    await page.goto('/account');
    await main.getByRole('link', { name: 'Delete account' }).click();
    await app.landed();
    await main.getByLabel('Password').fill(newPassword);
    await main.getByRole('button', { name: 'Delete my account permanently' }).click();
    await expect(main.getByText('Your account and all its data have been deleted.')).toBeVisible();
    await app.landed();
    expect((await page.context().cookies()).filter((c) => c.value !== '')).toEqual([]);
    expect(await rowCounts(id)).toEqual(
      Object.fromEntries(Object.keys(before).map((table) => [table, 0])),
    );
  });

  await test.step('the old account no longer signs in', async () => {
    await page.goto('/signin');
    await main.getByLabel('Email').fill(email);
    await main.getByLabel('Password', { exact: true }).fill(newPassword);
    await main.getByRole('button', { name: 'Sign in' }).click();
    await expect(main.getByText('Email or password is wrong.')).toBeVisible();
  });
});

test('the header’s Create account button leaves room around its words, on a phone too', async ({
  page,
}) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('/');
    const button = page.getByRole('banner').getByRole('link', { name: 'Create account' });
    const padding = await button.evaluate((link) => parseFloat(getComputedStyle(link).paddingLeft));
    expect(padding).toBeGreaterThanOrEqual(8);
  }
});
