import { describe, expect, it } from 'vitest';
import { authFor } from '~/auth/auth.server';
import { loader as accountLoader } from '~/routes/account._index';
import { cookieFrom, formPost, get, ORIGIN, runAction, runLoader } from '../../../support/http';
import { formErrors, newEmail, pages } from './driver';
import type { AccountHarness } from './harness';

const NEW_PASSWORD = 'lantern meadow quietly';

/** A forgotten password, for any adapter. */
export function resetBehaviours(harness: AccountHarness) {
  describe(`forgotten password (${harness.adapter})`, () => {
    it('answers a known and an unknown email identically', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const nobody = newEmail('nobody');

      const known = await app.askForReset(person.email);
      const unknown = await app.askForReset(nobody);

      expect(known.status).toBe(302);
      expect(known.headers.get('Location')).toBe('/check-email?for=recovery');
      expect(unknown.status).toBe(known.status);
      expect(unknown.headers.get('Location')).toBe(known.headers.get('Location'));
      expect(unknown.data).toEqual(known.data);
      // The note, where there is one, offers to make an account here.
      if (harness.can.tellUnknownAddresses) await app.linkIn(nobody, 'no-account', '/signup');
    });

    it('emails an absolute link to /reset-password; opening it shows the form and spends nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');

      const page = await app.openResetLink(link);
      await app.openResetLink(link);

      expect(link.origin).toBe(ORIGIN);
      expect(page.data).toEqual({
        token: link.searchParams.get('token'),
        live: true,
        constraint: expect.any(Object),
      });
      expect((await app.resetWith(link, NEW_PASSWORD)).status).toBe(302);
    });

    it('sets the new password, ends every session, signs in afresh, says so, and emails the person', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const phone = cookieFrom(await app.signIn(person.email, person.password));
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');

      const outcome = await app.resetWith(link, NEW_PASSWORD);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/account?notice=password-reset');
      expect(await app.whoIs(person.cookie)).toBeNull();
      expect(await app.whoIs(phone)).toBeNull();
      const cookie = cookieFrom(outcome);
      expect((await app.whoIs(cookie))?.id).toBe(person.id);
      const landed = await runLoader(
        accountLoader,
        get('/account?notice=password-reset', { cookie }),
        {
          context: app.context,
        },
      );
      expect(landed.data.notice).toMatch(/new password is set/);
      expect(landed.data.feedStillWorks).toBe(false);
      expect((await app.lastEmail(person.email, 'password-changed')).links[0]?.pathname).toBe(
        '/forgot-password',
      );
      expect((await app.signIn(person.email, person.password)).status).toBe(400);
      expect((await app.signIn(person.email, NEW_PASSWORD)).status).toBe(302);
    });

    it('says after a reset that the calendar feed still works, when the person has one', async () => {
      // The feed's address is a credential of its own: a person who resets their password for
      // fear someone else got in is told it outlives the reset, and where to make a new one.
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await harness.admin()`
        insert into jobtrack.tracker_settings (user_id, calendar_token_hash)
        values (${person.id}, ${'f'.repeat(64)})`;
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');
      const cookie = cookieFrom(await app.resetWith(link, NEW_PASSWORD));

      const landed = await runLoader(
        accountLoader,
        get('/account?notice=password-reset', { cookie }),
        {
          context: app.context,
        },
      );
      expect(landed.data.feedStillWorks).toBe(true);
      const later = await runLoader(accountLoader, get('/account', { cookie }), {
        context: app.context,
      });
      expect(later.data.feedStillWorks).toBe(false);
    });

    it('never asks for a password on a reset link, even for an account not yet confirmed', async () => {
      const context = harness.context();
      const app = pages(harness, context);
      const email = newEmail();
      await app.signUp(email);
      await app.askForReset(email);
      const link = await app.linkIn(email, 'recovery', '/reset-password');

      const state = await authFor(context).inspectEmailLink(get(link.pathname + link.search), {
        token: link.searchParams.get('token')!,
        type: 'recovery',
      });

      expect(state).toEqual({ live: true, email, asksForPassword: false });
    });

    it('accepts each reset link once, and says so when a spent one is opened', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');

      expect((await app.resetWith(link, NEW_PASSWORD)).status).toBe(302);
      const again = await app.resetWith(link, 'another fresh passphrase');
      const reopened = await app.openResetLink(link);

      expect(again.status).toBe(400);
      expect(formErrors(again)[0]).toMatch(/expired or has already been used/);
      expect(reopened.data).toEqual({
        token: link.searchParams.get('token'),
        live: false,
        constraint: expect.any(Object),
      });
      expect((await app.signIn(person.email, NEW_PASSWORD)).status).toBe(302);
    });

    it('takes a link pressed twice at once only once: one reset, the other told it is spent', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');

      const both = await Promise.all([
        app.resetWith(link, NEW_PASSWORD),
        app.resetWith(link, 'another fresh passphrase'),
      ]);

      expect(both.map((outcome) => outcome.status).sort()).toEqual([302, 400]);
      const refused = both.find((outcome) => outcome.status === 400)!;
      expect(formErrors(refused)[0]).toMatch(/expired or has already been used/);
      const chosen = both[0]!.status === 302 ? NEW_PASSWORD : 'another fresh passphrase';
      expect((await app.signIn(person.email, chosen)).status).toBe(302);
    });

    it('refuses an expired link, and says so when it is opened', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');
      await harness.expireLink(link);

      expect((await app.openResetLink(link)).data.live).toBe(false);
      expect((await app.resetWith(link, NEW_PASSWORD)).status).toBe(400);
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('answers a too-weak new password with 400, never echoes it, and leaves the link usable', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');

      const outcome = await app.resetWith(link, 'iloveyou');

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.password[0]).toMatch(/most common passwords/);
      expect(JSON.stringify(outcome.data)).not.toContain('iloveyou');
      expect(outcome.data.initialValue.token).toBe(link.searchParams.get('token'));
      expect((await app.openResetLink(link)).data.live).toBe(true);
      expect((await app.resetWith(link, NEW_PASSWORD)).status).toBe(302);
    });

    const signInLinkAsReset = async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForMagicLink(person.email);
      const magicLink = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
      const forged = new URL(
        `/reset-password?token=${magicLink.searchParams.get('token_hash')}`,
        ORIGIN,
      );
      return { app, forged };
    };

    const { signInLinksAreResetLinks } = harness.differs;
    if (signInLinksAreResetLinks) {
      it(`accepts a sign-in link token as a reset token, as the service owns: ${signInLinksAreResetLinks}`, async () => {
        const { app, forged } = await signInLinkAsReset();

        expect((await app.openResetLink(forged)).data.live).toBe(true);
        expect((await app.resetWith(forged, NEW_PASSWORD)).status).toBe(302);
      });
    } else {
      it('does not accept a sign-in link token as a reset token', async () => {
        const { app, forged } = await signInLinkAsReset();

        expect((await app.openResetLink(forged)).data.live).toBe(false);
        expect((await app.resetWith(forged, NEW_PASSWORD)).status).toBe(400);
      });
    }

    it('refuses a reset POST from another site (403) and spends nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');
      const { action } = await import('~/routes/reset-password');
      const token = link.searchParams.get('token')!;

      const outcome = await runAction(
        action,
        formPost(
          `/reset-password?token=${token}`,
          { token, password: NEW_PASSWORD },
          { origin: 'https://evil.example' },
        ),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect((await app.openResetLink(link)).data.live).toBe(true);
    });

    it('refuses a forgot-password POST from another site (403) and sends nothing', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      const { action } = await import('~/routes/forgot-password');
      const outcome = await runAction(
        action,
        formPost('/forgot-password', { email }, { origin: 'https://evil.example' }),
        { context: app.context },
      );
      expect(outcome.status).toBe(403);
      expect(await app.emailsTo(email)).toEqual([]);
    });
  });
}
