import { describe, expect, it } from 'vitest';
import { cookieFrom, ORIGIN } from '../../../support/http';
import { formErrors, newEmail, OTHER_PASSWORD, pages, PASSWORD } from './driver';
import type { AccountHarness } from './harness';

const SPENT = 'This link has expired or has already been used. Please ask for a new one.';
/** The attacker's own password, set on someone else's address before it was confirmed. */
const ATTACKER_PASSWORD = 'attacker chosen secret';

/** Emailed sign-in and confirmation links, and who owns an account they confirm, for any adapter. */
export function emailLinkBehaviours(harness: AccountHarness) {
  describe(`sign-in links (${harness.adapter})`, () => {
    it('answers a known and an unknown email identically, and sends a link only to an account', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const nobody = newEmail('nobody');

      const known = await app.askForMagicLink(person.email);
      const unknown = await app.askForMagicLink(nobody);

      expect(known.status).toBe(302);
      expect(known.headers.get('Location')).toBe('/check-email?for=magiclink');
      expect(unknown.status).toBe(known.status);
      expect(unknown.headers.get('Location')).toBe(known.headers.get('Location'));
      expect(unknown.data).toEqual(known.data);
      const toNobody = await app.emailsTo(nobody);
      expect(toNobody.flatMap((email) => email.links).map((url) => url.pathname)).not.toContain(
        '/auth/confirm',
      );
      expect(toNobody.map((email) => email.kind)).toEqual(
        harness.can.tellUnknownAddresses ? ['no-account'] : [],
      );
      // The note, where there is one, offers to make an account here.
      if (harness.can.tellUnknownAddresses) await app.linkIn(nobody, 'no-account', '/signup');
    });

    it('emails a single-use link that signs the person in after "Continue"', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
      expect(link.origin).toBe(ORIGIN);
      expect(link.searchParams.get('type')).toBe('magiclink');

      const first = await app.followLink(link);
      const second = await app.followLink(link);

      expect(first.status).toBe(302);
      expect(first.headers.get('Location')).toBe('/');
      expect((await app.whoIs(cookieFrom(first)))?.id).toBe(person.id);
      expect(second.status).toBe(400);
      expect(formErrors(second)).toEqual([SPENT]);
      expect(second.headers.get('Set-Cookie')).toBeNull();
    });

    it('says a spent link is spent as soon as it is opened, and offers a new one', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

      const fresh = await app.openLink(link);
      await app.followLink(link);
      const spent = await app.openLink(link);

      expect(fresh.data).toMatchObject({ live: true, asksForPassword: false });
      expect(spent.status).toBe(200);
      expect(spent.data).toMatchObject({ live: false, email: null });
      expect(spent.headers.get('Set-Cookie')).toBeNull();
    });

    it('lets two clicks at once sign in only once', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

      const outcomes = await Promise.all([app.followLink(link), app.followLink(link)]);

      expect(outcomes.map((o) => o.status).sort()).toEqual([302, 400]);
      expect(formErrors(outcomes.find((o) => o.status === 400)!)).toEqual([SPENT]);
    });

    it('changes nothing when the link is merely opened (GET), so mail scanners cannot spend it', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

      const page = await app.openLink(link);
      await app.openLink(link);

      expect(page.status).toBe(200);
      expect(page.data.link).toEqual({
        token_hash: link.searchParams.get('token_hash'),
        type: 'magiclink',
      });
      expect(page.headers.get('Set-Cookie')).toBeNull();
      expect((await app.followLink(link)).status).toBe(302);
    });

    it('refuses an expired link, and says so when it is opened', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
      await harness.expireLink(link);

      const page = await app.openLink(link);
      const outcome = await app.followLink(link);

      expect(page.data.live).toBe(false);
      expect(outcome.status).toBe(400);
      expect(outcome.headers.get('Set-Cookie')).toBeNull();
    });

    it('refuses a sign-in link presented as a sign-up confirmation', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
      link.searchParams.set('type', 'signup');

      expect((await app.followLink(link)).status).toBe(400);
    });

    it('refuses a changed or made-up token with 400', async () => {
      const app = pages(harness, harness.context());
      const madeUp = new URL(`/auth/confirm?token_hash=${'0'.repeat(64)}&type=magiclink`, ORIGIN);
      const truncated = new URL('/auth/confirm?token_hash=abc&type=magiclink', ORIGIN);

      expect((await app.followLink(madeUp)).status).toBe(400);
      expect((await app.openLink(madeUp)).data.live).toBe(false);
      const broken = await app.followLink(truncated);
      expect(broken.status).toBe(400);
      expect(broken.data.error.token_hash).toBeTruthy();
      expect((await app.openLink(truncated)).data.link).toBeNull();
    });

    it('answers an invalid email with 400 and keeps it; sends nothing', async () => {
      const app = pages(harness, harness.context());

      const outcome = await app.askForMagicLink('nobody@');

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.email).toEqual(['Enter an email address like name@example.com']);
      expect(outcome.data.initialValue.email).toBe('nobody@');
      expect(await app.emailsTo('nobody@')).toEqual([]);
    });

    it('gives a bot that fills the honeypot the usual answer, and sends no link or reset', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const before = (await app.emailsTo(person.email)).length;
      const { action: magicLinkAction } = await import('~/routes/magic-link');
      const { action: forgotAction } = await import('~/routes/forgot-password');
      const { formPost, runAction } = await import('../../../support/http');
      const fields = { email: person.email, website: 'https://spam.example' };

      const link = await runAction(magicLinkAction, formPost('/magic-link', fields), {
        context: app.context,
      });
      const reset = await runAction(forgotAction, formPost('/forgot-password', fields), {
        context: app.context,
      });

      expect(link.headers.get('Location')).toBe('/check-email?for=magiclink');
      expect(reset.headers.get('Location')).toBe('/check-email?for=recovery');
      expect(await app.emailsTo(person.email)).toHaveLength(before);
    });

    it('refuses a request from another site (403) and sends nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const before = (await app.emailsTo(person.email)).length;
      const { action } = await import('~/routes/magic-link');
      const { formPost, runAction } = await import('../../../support/http');

      const outcome = await runAction(
        action,
        formPost('/magic-link', { email: person.email }, { origin: 'https://evil.example' }),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect(await app.emailsTo(person.email)).toHaveLength(before);
    });

    it('refuses "Continue" from another site (403) and leaves the link unspent', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
      const { action } = await import('~/routes/auth.confirm');
      const { formPost, runAction } = await import('../../../support/http');
      const fields = { token_hash: link.searchParams.get('token_hash')!, type: 'magiclink' };

      const outcome = await runAction(
        action,
        formPost('/auth/confirm', fields, { origin: 'https://evil.example' }),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect((await app.openLink(link)).data.live).toBe(true);
    });
  });

  describe(`whoever proves the mailbox owns the account (${harness.adapter})`, () => {
    it('a confirmation link asks for the sign-up password, and a wrong one spends nothing', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email, PASSWORD);
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');

      const wrong = await app.followLink(link, { password: OTHER_PASSWORD });
      const right = await app.followLink(link, { password: PASSWORD });

      expect(wrong.status).toBe(400);
      expect(wrong.data.error.password[0]).toMatch(
        /not the password this account was created with/,
      );
      expect(JSON.stringify(wrong.data)).not.toContain(OTHER_PASSWORD);
      expect(wrong.headers.get('Set-Cookie')).toBeNull();
      expect(right.status).toBe(302);
      expect(right.headers.get('Location')).toBe('/');
    });

    it('attack by confirmation link: the owner confirms without the attacker’s password, which then fails', async () => {
      const app = pages(harness, harness.context());
      const owner = newEmail('owner');
      // The attacker signs up with the owner's address, then makes the app resend the link.
      await app.signUp(owner, ATTACKER_PASSWORD);
      const resent = await app.signIn(owner, ATTACKER_PASSWORD);
      expect(formErrors(resent)[0]).toMatch(/confirm your email address/);
      const links = (await app.emailsTo(owner)).filter((email) => email.kind === 'confirm');
      expect(links).toHaveLength(2);
      const [older, newer] = links.map((email) => email.links[0]!);

      // The owner opens the newest link: it asks for a password they never chose.
      const page = await app.openLink(newer!);
      const confirmed = await app.followLink(newer!, 'without-password');

      expect(page.data).toMatchObject({ live: true, email: owner, asksForPassword: true });
      expect(confirmed.status).toBe(302);
      expect(confirmed.headers.get('Location')).toBe('/account?notice=choose-password');
      const ownerCookie = cookieFrom(confirmed);
      expect((await app.whoIs(ownerCookie))?.email).toBe(owner);
      // The attacker's password no longer opens the account, and the earlier link is revoked.
      const attacker = await app.signIn(owner, ATTACKER_PASSWORD);
      expect(attacker.status).toBe(400);
      expect(formErrors(attacker)).toEqual(['Email or password is wrong.']);
      expect(attacker.headers.get('Set-Cookie')).toBeNull();
      expect((await app.openLink(older!)).data.live).toBe(false);
      expect((await app.followLink(older!, { password: ATTACKER_PASSWORD })).status).toBe(400);
      expect((await app.whoIs(ownerCookie))?.email).toBe(owner);
    });

    it('attack by sign-in link: the owner who asks for one confirms without the attacker’s password', async () => {
      const app = pages(harness, harness.context());
      const owner = newEmail('owner');
      await app.signUp(owner, ATTACKER_PASSWORD);
      // A reset link the attacker cannot read, but which must not outlive the claim either.
      await app.askForReset(owner);
      const resetLink = await app.linkIn(owner, 'recovery', '/reset-password');

      // The owner asks for a sign-in link; an unconfirmed account gets a confirmation link.
      await app.askForMagicLink(owner);
      const link = await app.linkIn(owner, 'confirm', '/auth/confirm');
      expect((await app.emailsTo(owner)).at(-1)!.kind).toBe('confirm');
      const confirmed = await app.followLink(link, 'continue');

      expect(confirmed.status).toBe(302);
      expect(confirmed.headers.get('Location')).toBe('/account?notice=choose-password');
      expect((await app.signIn(owner, ATTACKER_PASSWORD)).status).toBe(400);
      expect((await app.openResetLink(resetLink)).data.live).toBe(false);
      expect((await app.resetWith(resetLink, 'attacker chosen again')).status).toBe(400);
      const [row] = await harness.admin()<{ email_confirmed_at: Date | null }[]>`
        select email_confirmed_at from auth.users where email = ${owner}`;
      expect(row?.email_confirmed_at).toBeInstanceOf(Date);
      expect((await app.whoIs(cookieFrom(confirmed)))?.email).toBe(owner);
    });

    it('after confirming without it, the owner chooses a password from the account page and signs in with it', async () => {
      const app = pages(harness, harness.context());
      const owner = newEmail('owner');
      await app.signUp(owner, ATTACKER_PASSWORD);
      const link = await app.linkIn(owner, 'confirm', '/auth/confirm');
      const cookie = cookieFrom(await app.followLink(link, 'without-password'));

      const account = await app.accountPage(cookie, '?notice=choose-password');
      const deletePage = await app.deletePage(cookie);
      const chosen = await app.choosePassword(cookie, OTHER_PASSWORD);

      expect(account.data).toMatchObject({ email: owner, hasPassword: false });
      expect(account.data.notice).toMatch(
        /password this account was created with has been removed/,
      );
      expect(deletePage.data.hasPassword).toBe(false);
      expect(chosen.status).toBe(302);
      expect(chosen.headers.get('Location')).toBe('/account?notice=password-set');
      expect((await app.signIn(owner, OTHER_PASSWORD)).status).toBe(302);
      expect((await app.signIn(owner, ATTACKER_PASSWORD)).status).toBe(400);
    });

    it('attack by reset link: resetting an unconfirmed account confirms it with the owner’s password only', async () => {
      const app = pages(harness, harness.context());
      const owner = newEmail('owner');
      await app.signUp(owner, ATTACKER_PASSWORD);
      await app.askForReset(owner);
      const link = await app.linkIn(owner, 'recovery', '/reset-password');

      const reset = await app.resetWith(link, OTHER_PASSWORD);

      expect(reset.status).toBe(302);
      expect((await app.signIn(owner, ATTACKER_PASSWORD)).status).toBe(400);
      expect((await app.signIn(owner, OTHER_PASSWORD)).status).toBe(302);
    });
  });
}
