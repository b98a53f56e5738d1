import { describe, expect, it } from 'vitest';
import { action as signinAction, loader as signinLoader } from '~/routes/signin';
import { cookieFrom, formPost, get, runAction, runLoader } from '../../../support/http';
import { formErrors, newEmail, pages, PASSWORD } from './driver';
import type { AccountHarness } from './harness';

const HTTPS = 'https://jobtrack.example';

/** Signing in with a password, and what becomes of the session the browser had, for any adapter. */
export function signInBehaviours(harness: AccountHarness) {
  /** Signs in over https, as on a deployment. */
  const signInOverHttps = async (
    context: ReturnType<AccountHarness['context']>,
    email: string,
    password: string,
  ) => {
    const request = new Request(`${HTTPS}/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: HTTPS },
      body: new URLSearchParams({ email, password }),
    });
    return runAction(signinAction, request, { context });
  };
  const whoIsOverHttps = async (context: ReturnType<AccountHarness['context']>, cookie: string) => {
    const { getUser } = await import('~/auth/current-user.server');
    return getUser(new Request(`${HTTPS}/`, { headers: { Cookie: cookie } }), { ...context });
  };

  describe(`sign in (${harness.adapter})`, () => {
    it('signs in with the right password and sets one session cookie, HttpOnly and SameSite=Lax', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.signIn(person.email, person.password);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/');
      expect(outcome.headers.getSetCookie()).toHaveLength(1);
      const setCookie = outcome.headers.get('Set-Cookie')!;
      expect(setCookie).toMatch(/; HttpOnly/i);
      expect(setCookie).toMatch(/; SameSite=Lax/i);
      expect(setCookie).toMatch(/; Path=\//);
      // Plain-http localhost is the one place the cookie may not be Secure.
      expect(setCookie).not.toMatch(/; Secure/i);
      expect((await app.whoIs(cookieFrom(outcome)))?.id).toBe(person.id);
    });

    it('over https names the cookie __Host-, Secure, for this host only, and reads no other name', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await signInOverHttps(app.context, person.email, person.password);

      const setCookie = outcome.headers.get('Set-Cookie')!;
      expect(setCookie).toMatch(/^__Host-/);
      expect(setCookie).toMatch(/; Secure/i);
      expect(setCookie).toMatch(/; Path=\/(;|$)/);
      expect(setCookie).not.toMatch(/; Domain=/i);
      const cookie = cookieFrom(outcome);
      expect((await whoIsOverHttps(app.context, cookie))?.id).toBe(person.id);
      // The same value planted without the prefix (as a sibling subdomain could) is not read.
      const planted = cookie.replace(/^__Host-/, '');
      expect(await whoIsOverHttps(app.context, planted)).toBeNull();
    });

    it('returns to a same-site redirectTo, and ignores one that leaves the site', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const back = await app.signIn(
        person.email,
        person.password,
        {},
        {
          redirectTo: '/applications?page=2',
        },
      );
      const away = await app.signIn(
        person.email,
        person.password,
        {},
        {
          redirectTo: '//evil.example/x',
        },
      );

      expect(back.headers.get('Location')).toBe('/applications?page=2');
      expect(away.headers.get('Location')).toBe('/');
    });

    it('keeps redirectTo from the URL for the form, made safe', async () => {
      const context = harness.context();
      const ok = await runLoader(signinLoader, get('/signin?redirectTo=%2Faccount'), { context });
      const evil = await runLoader(
        signinLoader,
        get('/signin?redirectTo=https%3A%2F%2Fevil.example'),
        { context },
      );
      expect(ok.data).toMatchObject({ redirectTo: '/account' });
      expect(evil.data).toMatchObject({ redirectTo: '/' });
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const wrongPassword = await app.signIn(person.email, 'not the password at all');
      const unknownEmail = await app.signIn(newEmail('nobody'), 'not the password at all');

      expect(wrongPassword.status).toBe(400);
      expect(unknownEmail.status).toBe(400);
      expect(wrongPassword.data.error).toEqual({ '': ['Email or password is wrong.'] });
      expect(unknownEmail.data.error).toEqual(wrongPassword.data.error);
      expect(wrongPassword.headers.get('Set-Cookie')).toBeNull();
      // The email comes back for the person to correct; the password never does.
      expect(wrongPassword.data.initialValue).toEqual({ email: person.email });
      expect(JSON.stringify(wrongPassword.data)).not.toContain('not the password');
    });

    it('answers invalid input with 400 and field errors, keeping the email', async () => {
      const app = pages(harness, harness.context());

      const outcome = await app.signIn('not-an-email', '');

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.email).toEqual(['Enter an email address like name@example.com']);
      expect(outcome.data.error.password).toEqual(['Enter your password']);
      expect(outcome.data.initialValue.email).toBe('not-an-email');
    });

    it('refuses an unconfirmed account with the right password and emails a new confirmation link', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email);
      const before = (await app.emailsTo(email)).length;

      const outcome = await app.signIn(email, PASSWORD);

      expect(outcome.status).toBe(400);
      expect(formErrors(outcome)[0]).toMatch(/confirm your email address.*new confirmation link/);
      expect(outcome.headers.get('Set-Cookie')).toBeNull();
      const after = await app.emailsTo(email);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)!.kind).toBe('confirm');
    });

    it('gives an unconfirmed account with a wrong password only the usual message, and no email', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email);
      const before = (await app.emailsTo(email)).length;

      const outcome = await app.signIn(email, 'wrong wrong wrong');

      expect(outcome.data.error).toEqual({ '': ['Email or password is wrong.'] });
      expect(await app.emailsTo(email)).toHaveLength(before);
    });

    it('refuses a POST from another site (403)', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await runAction(
        signinAction,
        formPost(
          '/signin',
          { email: person.email, password: person.password },
          { origin: 'https://evil.example' },
        ),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect(outcome.headers.get('Set-Cookie')).toBeNull();
    });

    it('tells a bot that fills the honeypot the password is wrong, even the right one, and counts no guess', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const asBot = () =>
        runAction(
          signinAction,
          formPost('/signin', {
            email: person.email,
            password: person.password,
            website: 'https://spam.example',
          }),
          { context: app.context },
        );

      const outcomes = [];
      for (let i = 0; i < 6; i++) outcomes.push(await asBot());

      for (const outcome of outcomes) {
        expect(outcome.status).toBe(400);
        expect(formErrors(outcome)).toEqual(['Email or password is wrong.']);
        expect(outcome.headers.get('Set-Cookie')).toBeNull();
      }
      // Six bot posts spent none of the owner's five guesses.
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('sends a person who is already signed in on, instead of showing the form', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const home = await runLoader(signinLoader, get('/signin', { cookie: person.cookie }), {
        context: app.context,
      });
      const onward = await runLoader(
        signinLoader,
        get('/signin?redirectTo=%2Fapplications%2Fnew', { cookie: person.cookie }),
        { context: app.context },
      );
      const offSite = await runLoader(
        signinLoader,
        get('/signin?redirectTo=https%3A%2F%2Fevil.example', { cookie: person.cookie }),
        { context: app.context },
      );
      const signedOut = await runLoader(signinLoader, get('/signin'), { context: app.context });

      expect([home.status, home.headers.get('Location')]).toEqual([302, '/']);
      expect(onward.headers.get('Location')).toBe('/applications/new');
      expect(offSite.headers.get('Location')).toBe('/');
      expect(signedOut.status).toBe(200);
    });
  });

  describe(`signing in replaces the session the browser arrived with (${harness.adapter})`, () => {
    it('by password: the old cookie signs nobody in, other devices stay signed in', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const laptop = cookieFrom(await app.signIn(person.email, person.password));

      const again = await app.signIn(person.email, person.password, { cookie: person.cookie });

      expect(await app.whoIs(person.cookie)).toBeNull();
      expect((await app.whoIs(cookieFrom(again)))?.id).toBe(person.id);
      expect((await app.whoIs(laptop))?.id).toBe(person.id);
    });

    it('even when the old session was someone else’s', async () => {
      const app = pages(harness, harness.context());
      const first = await app.confirmedAccount();
      const second = await app.confirmedAccount();

      const switched = await app.signIn(second.email, second.password, { cookie: first.cookie });

      expect(await app.whoIs(first.cookie)).toBeNull();
      expect((await app.whoIs(cookieFrom(switched)))?.id).toBe(second.id);
    });

    it('by emailed link: the old cookie signs nobody in, other devices stay signed in', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const laptop = cookieFrom(await app.signIn(person.email, person.password));
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

      const linked = await app.followLink(link, 'continue', { cookie: person.cookie });

      expect(linked.status).toBe(302);
      expect(await app.whoIs(person.cookie)).toBeNull();
      expect((await app.whoIs(cookieFrom(linked)))?.id).toBe(person.id);
      expect((await app.whoIs(laptop))?.id).toBe(person.id);
    });

    it('by password reset, in a browser that held someone else’s session', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const flatmate = await app.confirmedAccount();
      const flatmatePhone = cookieFrom(await app.signIn(flatmate.email, flatmate.password));
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');

      const reset = await app.resetWith(link, 'a brand new passphrase', {
        cookie: flatmate.cookie,
      });

      expect(reset.status).toBe(302);
      expect((await app.whoIs(cookieFrom(reset)))?.id).toBe(person.id);
      expect(await app.whoIs(flatmate.cookie)).toBeNull();
      expect((await app.whoIs(flatmatePhone))?.id).toBe(flatmate.id);
    });
  });
}
