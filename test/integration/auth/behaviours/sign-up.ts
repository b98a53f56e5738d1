import { describe, expect, it } from 'vitest';
import { loader as signupLoader } from '~/routes/signup';
import { get, ORIGIN, runLoader } from '../../../support/http';
import { formErrors, newEmail, OTHER_PASSWORD, pages, PASSWORD } from './driver';
import type { AccountHarness } from './harness';

/** Sign-up and confirming the address, for any adapter. */
export function signUpBehaviours(harness: AccountHarness) {
  const confirmedAt = async (email: string) => {
    const [row] = await harness.admin()<{ email_confirmed_at: Date | null }[]>`
      select email_confirmed_at from auth.users where email = ${email}`;
    return row;
  };

  describe(`sign up (${harness.adapter})`, () => {
    it('creates an unconfirmed account, emails a confirmation link and shows "Check your email"', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();

      const outcome = await app.signUp(email);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/check-email?for=signup');
      expect(outcome.headers.get('Set-Cookie')).toBeNull();
      expect((await confirmedAt(email))?.email_confirmed_at).toBeNull();
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');
      expect(link.origin).toBe(ORIGIN);
      expect(link.searchParams.get('type')).toBe('signup');
    });

    it('confirming with the sign-up password confirms the address, signs in and keeps that password', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email);
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');

      const page = await app.openLink(link);
      const outcome = await app.followLink(link, { password: PASSWORD });

      expect(page.data).toMatchObject({ live: true, email, asksForPassword: true });
      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/');
      expect((await confirmedAt(email))?.email_confirmed_at).toBeInstanceOf(Date);
      const cookie = outcome.headers.get('Set-Cookie')!.split(';')[0]!;
      expect((await app.whoIs(cookie))?.email).toBe(email);
      expect((await app.signIn(email, PASSWORD)).status).toBe(302);
    });

    it('answers an address that has an account exactly as a new one, and changes nothing', async () => {
      const app = pages(harness, harness.context());
      const existing = await app.confirmedAccount();
      const fresh = newEmail();

      const known = await app.signUp(existing.email, OTHER_PASSWORD);
      const unknown = await app.signUp(fresh, OTHER_PASSWORD);

      expect(known.status).toBe(unknown.status);
      expect(known.data).toEqual(unknown.data);
      expect(known.headers.get('Location')).toBe(unknown.headers.get('Location'));
      expect([...known.headers.keys()]).toEqual([...unknown.headers.keys()]);
      const accounts =
        await harness.admin()`select 1 from auth.users where email = ${existing.email}`;
      expect(accounts).toHaveLength(1);
      // No new confirmation link for a confirmed address; the owner may hear of it instead.
      const kinds = (await app.emailsTo(existing.email)).map((email) => email.kind);
      expect(kinds).toEqual(
        harness.can.tellOwnerOfRepeatSignUp ? ['confirm', 'account-exists'] : ['confirm'],
      );
      if (harness.can.tellOwnerOfRepeatSignUp) {
        await app.linkIn(existing.email, 'account-exists', '/signin');
        await app.linkIn(existing.email, 'account-exists', '/forgot-password');
      }
      expect(await app.whoIs(existing.cookie)).not.toBeNull();
      expect((await app.signIn(existing.email, existing.password)).status).toBe(302);
      expect((await app.signIn(existing.email, OTHER_PASSWORD)).status).toBe(400);
    });

    it('for an address waiting for confirmation, sends a new link and keeps the first password', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email, PASSWORD);

      const again = await app.signUp(email, OTHER_PASSWORD);
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');

      expect(again.headers.get('Location')).toBe('/check-email?for=signup');
      expect((await app.emailsTo(email)).map((e) => e.kind)).toEqual(['confirm', 'confirm']);
      // The second sign-up did not replace the password: only the first one confirms with it.
      expect((await app.followLink(link, { password: OTHER_PASSWORD })).status).toBe(400);
      expect((await app.followLink(link, { password: PASSWORD })).status).toBe(302);
    });

    it('answers invalid input with 400, the errors beside the fields and the email kept, never the password', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail('Typed');
      const { action } = await import('~/routes/signup');
      const { formPost, runAction } = await import('../../../support/http');

      const outcome = await runAction(
        action,
        formPost('/signup', { email: `  ${email}`, password: 'short' }),
        { context: app.context },
      );

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.password).toEqual(['Use at least 8 characters']);
      expect(outcome.data.error.adult).toEqual(['Confirm that you are 18 or over']);
      expect(outcome.data.initialValue.email).toBe(`  ${email}`);
      expect(JSON.stringify(outcome.data)).not.toContain('short');
      expect(await confirmedAt(email.toLowerCase())).toBeUndefined();
    });

    it('refuses a common password that meets the length rule, beyond the 1,000 most common', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();

      // From the top, the middle and the very end of the list (only the first was refused before).
      for (const password of ['Password1', 'sunflower', 'Dalmatio']) {
        const outcome = await app.signUp(email, password);
        expect(outcome.status, password).toBe(400);
        expect(outcome.data.error.password[0]).toMatch(/most common passwords/);
        expect(JSON.stringify(outcome.data)).not.toContain(password);
      }
      expect(await confirmedAt(email)).toBeUndefined();
    });

    it('gives a bot that fills the honeypot the usual answer and creates nothing', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      const { action } = await import('~/routes/signup');
      const { formPost, runAction } = await import('../../../support/http');

      const outcome = await runAction(
        action,
        formPost('/signup', {
          email,
          password: PASSWORD,
          adult: 'on',
          website: 'https://spam.example',
        }),
        { context: app.context },
      );

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/check-email?for=signup');
      expect(await confirmedAt(email)).toBeUndefined();
      expect(await app.emailsTo(email)).toEqual([]);
    });

    it('refuses a POST from another site (403) and creates nothing', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      const { action } = await import('~/routes/signup');
      const { formPost, runAction } = await import('../../../support/http');

      const outcome = await runAction(
        action,
        formPost(
          '/signup',
          { email, password: PASSWORD, adult: 'on' },
          { origin: 'https://evil.example' },
        ),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect(await confirmedAt(email)).toBeUndefined();
      expect(formErrors(outcome)).toEqual([]);
    });

    it('sends a signed-in person who opens /signup to the dashboard', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await runLoader(signupLoader, get('/signup', { cookie: person.cookie }), {
        context: app.context,
      });

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/');
    });
  });
}
