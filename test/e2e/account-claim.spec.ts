import { jobTrack, uniqueEmail } from './support/app';
import { expect, test } from './support/fixtures';

// Whoever proves the mailbox owns the account: someone who signs up with another person's address
// and a password of their own loses that password when the real owner confirms the address.
// Both ways the owner can come to confirm it, with JavaScript on and off, each page scanned.

const ATTACKER_PASSWORD = 'attacker chosen secret 9';
const OWNER_PASSWORD = 'owner picks this later 7';

test('the owner confirms from the link the attacker made the app resend, and the attacker is out', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const owner = uniqueEmail('owner');

  await test.step('the attacker signs up with the owner’s address and asks for the link again', async () => {
    await app.signUp(owner, ATTACKER_PASSWORD);
    await app.signIn(owner, ATTACKER_PASSWORD);
    await expect(main.getByText(/confirm your email address before signing in/)).toBeVisible();
  });

  await test.step('the owner opens the link: it asks for a password they never chose', async () => {
    await app.followEmailLink(owner, 'type=signup');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Confirm your email address' }),
    ).toBeVisible();
    await expect(main).toContainText(owner);
    await expect(main.getByLabel('Password chosen at sign-up')).toBeVisible();
    await main.getByRole('button', { name: 'Confirm without the password' }).click();
  });

  await test.step('signed in, the owner chooses their own password', async () => {
    await expect(page).toHaveURL(/\/account\?notice=choose-password$/);
    await expect(main.getByRole('status').filter({ hasText: 'has been removed' })).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Choose a password' })).toBeVisible();
    await app.landed();
    await main.getByLabel('New password').fill(OWNER_PASSWORD);
    await main.getByRole('button', { name: 'Set password' }).click();
    await expect(
      main.getByRole('status').filter({ hasText: 'Your password is set.' }),
    ).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Change password' })).toBeVisible();
    await app.landed();
    await app.signOut();
  });

  await test.step('the attacker’s password no longer opens the account; the owner’s does', async () => {
    await app.signIn(owner, ATTACKER_PASSWORD);
    await expect(main.getByText('Email or password is wrong.')).toBeVisible();
    await app.signIn(owner, OWNER_PASSWORD);
    await app.expectDashboard();
  });
});

test('the owner who asks for a sign-in link confirms the address without the attacker’s password', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const owner = uniqueEmail('owner');

  await app.signUp(owner, ATTACKER_PASSWORD);

  await test.step('the owner asks for a sign-in link and gets a confirmation link', async () => {
    await page.goto('/magic-link');
    await main.getByLabel('Email').fill(owner);
    await main.getByRole('button', { name: 'Send sign-in link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await app.followEmailLink(owner, 'type=signup');
    await main.getByRole('button', { name: 'Confirm without the password' }).click();
    await expect(page).toHaveURL(/\/account\?notice=choose-password$/);
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await app.landed();
  });

  await test.step('the attacker’s password no longer opens the account', async () => {
    await app.signOut();
    await app.signIn(owner, ATTACKER_PASSWORD);
    await expect(main.getByText('Email or password is wrong.')).toBeVisible();
  });
});

test('a genuine sign-up confirms with its own password; a wrong one is refused beside the field', async ({
  page,
}) => {
  const app = jobTrack(page);
  const main = page.getByRole('main');
  const email = uniqueEmail('genuine');

  await app.signUp(email, OWNER_PASSWORD);
  await app.followEmailLink(email, 'type=signup');
  await main.getByLabel('Password chosen at sign-up').fill('not what I chose');
  await main.getByRole('button', { name: 'Confirm and sign in' }).click();
  // Beside the field (its description), and linked from the error summary above the form.
  await expect(main.getByLabel('Password chosen at sign-up')).toHaveAccessibleDescription(
    /not the password this account was created with/,
  );
  await expect(
    main.getByRole('link', { name: /not the password this account was created with/ }),
  ).toBeVisible();
  await expect(main.getByLabel('Password chosen at sign-up')).toBeFocused();
  await app.landed();
  await main.getByLabel('Password chosen at sign-up').fill(OWNER_PASSWORD);
  await main.getByRole('button', { name: 'Confirm and sign in' }).click();
  await app.expectDashboard();
});
