import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as magicLinkAction } from '~/routes/magic-link';
import { action as signupAction } from '~/routes/signup';
import { cookieFrom, formPost, ORIGIN, runAction } from '../../../support/http';
import {
  formErrors,
  newClient,
  newEmail,
  OTHER_PASSWORD,
  pages,
  PASSWORD,
  passTime,
} from './driver';

type Action = Parameters<typeof runAction>[0];
import type { AccountHarness } from './harness';

const WRONG = 'definitely not it';

/** Limits on guessing passwords and on sending email, and answers that never wait for email. */
export function limitBehaviours(harness: AccountHarness) {
  describe(`guessing a password (${harness.adapter})`, () => {
    // Each guess below comes from its own client, so only the address's own allowance applies.
    const guesses = async (app: ReturnType<typeof pages>, email: string, times: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) {
        statuses.push((await app.signIn(email, WRONG, { client: newClient() })).status);
      }
      return statuses;
    };

    it('after 5 wrong passwords refuses even the right one, saying how long to wait', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      expect(await guesses(app, person.email, 5)).toEqual([400, 400, 400, 400, 400]);

      const locked = await app.signIn(person.email, person.password, { client: newClient() });

      expect(locked.status).toBe(429);
      expect(locked.headers.get('Retry-After')).toMatch(/^(359|360)$/);
      expect(formErrors(locked)[0]).toMatch(/Too many wrong passwords.*wait 6 minutes/);
      expect(locked.headers.get('Set-Cookie')).toBeNull();
    });

    it('lets no more than 5 of many simultaneous guesses be checked', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcomes = await Promise.all(
        Array.from({ length: 12 }, () => app.signIn(person.email, WRONG, { client: newClient() })),
      );

      expect(outcomes.filter((o) => o.status === 400)).toHaveLength(5);
      expect(outcomes.filter((o) => o.status === 429)).toHaveLength(7);
    });

    it('counts sign-up passwords typed on a confirmation page against the address, whatever the client', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email, PASSWORD);
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const outcome = await app.followLink(link, { password: WRONG }, { client: newClient() });
        statuses.push(outcome.status);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });

    it('allows four wrong passwords without slowing the person down', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await guesses(app, person.email, 4);

      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('frees one attempt every 6 minutes, and the right password clears the count', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await guesses(app, person.email, 5);
      await passTime(harness, 6 * 60);

      expect((await app.signIn(person.email, person.password)).status).toBe(302);
      expect(await guesses(app, person.email, 4)).toEqual([400, 400, 400, 400]);
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('a stranger guessing once every 15 minutes never keeps the owner out', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await guesses(app, person.email, 5);

      // Two hours of a guess every 15 minutes: each one is checked, none is ever refused, and
      // the allowance never runs dry for the owner.
      for (let round = 0; round < 8; round++) {
        await passTime(harness, 15 * 60);
        expect(await guesses(app, person.email, 1)).toEqual([400]);
      }

      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('checks at most 5 + 10 guesses in an hour, however fast they come', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const statuses: number[] = [];
      for (let minute = 0; minute < 60; minute++) {
        statuses.push(...(await guesses(app, person.email, 1)));
        await passTime(harness, 60);
      }

      const checked = statuses.filter((status) => status === 400).length;
      expect(checked).toBeGreaterThan(10);
      expect(checked).toBeLessThanOrEqual(15);
    });

    it('locks an email with no account in exactly the same way, so a lock-out reveals nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const nobody = newEmail('nobody');
      await guesses(app, person.email, 5);
      await guesses(app, nobody, 5);

      const known = await app.signIn(person.email, WRONG, { client: newClient() });
      const unknown = await app.signIn(nobody, WRONG, { client: newClient() });

      expect(known.status).toBe(429);
      expect(unknown.status).toBe(429);
      expect(unknown.data).toEqual({ ...known.data, initialValue: { email: nobody } });
    });

    it('counts guesses of the current password on the account page the same way', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      for (let i = 0; i < 5; i++) {
        await app.changePassword(person.cookie, `guess ${i}`, 'orchard lamplight tuesday', {
          client: newClient(),
        });
      }

      const outcome = await app.changePassword(
        person.cookie,
        person.password,
        'orchard lamplight tuesday',
      );
      const deletion = await app.deleteAccount(person.cookie, person.password);

      expect(outcome.status).toBe(429);
      expect(formErrors(outcome)[0]).toMatch(/wait 6 minutes/);
      expect(deletion.status).toBe(429);
      expect(await app.whoIs(person.cookie)).not.toBeNull();
    });

    it('counts wrong passwords on the delete page like any other guess', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const wrong = await app.deleteAccount(person.cookie, `guess ${i}`, { client: newClient() });
        statuses.push(wrong.status);
      }

      const deletion = await app.deleteAccount(person.cookie, person.password);

      expect(statuses).toEqual([400, 400, 400, 400, 400]);
      expect(deletion.status).toBe(429);
      expect(await app.whoIs(person.cookie)).not.toBeNull();
    });

    it('changing the password empties the count of guesses', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await guesses(app, person.email, 4);

      const changed = await app.changePassword(person.cookie, person.password, OTHER_PASSWORD);

      expect(changed.status).toBe(302);
      expect(await guesses(app, person.email, 4)).toEqual([400, 400, 400, 400]);
      expect((await app.signIn(person.email, OTHER_PASSWORD)).status).toBe(302);
    });

    it('the right password on an unconfirmed account empties the count of guesses too', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email, PASSWORD);
      await guesses(app, email, 4);

      const unconfirmed = await app.signIn(email, PASSWORD, { client: newClient() });

      expect(formErrors(unconfirmed)[0]).toMatch(/confirm your email address/);
      expect(await guesses(app, email, 5)).toEqual([400, 400, 400, 400, 400]);
    });

    it('choosing a first password (there is none to guess) works while the address is locked', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email, PASSWORD);
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');
      const cookie = cookieFrom(await app.followLink(link, 'without-password'));
      await guesses(app, email, 5);

      const chosen = await app.choosePassword(cookie, OTHER_PASSWORD);

      expect(chosen.status).toBe(302);
      expect(chosen.headers.get('Location')).toBe('/account?notice=password-set');
    });

    it('a sign-in link still signs the person in while their address is locked', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      await guesses(app, person.email, 5);
      await app.askForMagicLink(person.email);
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

      const signedIn = await app.followLink(link);

      expect(signedIn.status).toBe(302);
      expect((await app.whoIs(cookieFrom(signedIn)))?.id).toBe(person.id);
    });

    it('a password typed on a dead link counts against the client only, never an address', async () => {
      const app = pages(harness, harness.context());
      const email = newEmail();
      await app.signUp(email, PASSWORD);
      const link = await app.linkIn(email, 'confirm', '/auth/confirm');
      await harness.expireLink(link);

      const outcomes = [];
      for (let i = 0; i < 6; i++) {
        outcomes.push(await app.followLink(link, { password: WRONG }, { client: newClient() }));
      }

      expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill(outcomes[0]!.status));
      expect(outcomes[0]!.status).not.toBe(429);
      expect(formErrors(outcomes[5]!)[0]).toMatch(/expired or has already been used/);
    });
  });

  describe(`one client, many requests (${harness.adapter})`, () => {
    it('refuses an eleventh password attempt in a minute from one client, whatever the addresses', async () => {
      const app = pages(harness, harness.context());
      const client = newClient();

      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await app.signIn(newEmail(), WRONG, { client })).status);
      }
      const refused = await app.signIn(newEmail(), WRONG, { client });
      const elsewhere = await app.signIn(newEmail(), WRONG, { client: newClient() });

      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
      expect(statuses[10]).toBe(429);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBe('60');
      expect(formErrors(refused)).toEqual([
        'Too many requests from your connection. Please wait 1 minute and try again.',
      ]);
      expect(elsewhere.status).toBe(400);
    });

    it('refuses an eleventh reset in a minute from one client, made-up links included, before any hashing', async () => {
      const app = pages(harness, harness.context());
      const client = newClient();
      const madeUp = () =>
        new URL(`${ORIGIN}/reset-password?token=${randomBytes(32).toString('hex')}`);

      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push(
          (await app.resetWith(madeUp(), 'orchard lamplight tuesday', { client })).status,
        );
      }
      const refused = await app.resetWith(madeUp(), 'orchard lamplight tuesday', { client });

      expect(statuses).toEqual(Array(10).fill(400));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBe('60');
      expect(formErrors(refused)).toEqual([
        'Too many requests from your connection. Please wait 1 minute and try again.',
      ]);
      // The owner's real link, from their own connection, still works.
      const person = await app.confirmedAccount();
      await app.askForReset(person.email);
      const link = await app.linkIn(person.email, 'recovery', '/reset-password');
      expect((await app.resetWith(link, 'orchard lamplight tuesday')).status).toBe(302);
    });

    it('refuses a sixth email request in a minute from one client, with the email kept', async () => {
      const app = pages(harness, harness.context());
      const client = newClient();
      const asks = [
        () => app.signUp(newEmail(), undefined, { client }),
        () => app.askForMagicLink(newEmail(), { client }),
        () => app.askForReset(newEmail(), { client }),
        () => app.askForMagicLink(newEmail(), { client }),
        () => app.askForReset(newEmail(), { client }),
      ];
      for (const ask of asks) expect((await ask()).status).toBe(302);
      const email = newEmail();

      const refused = await app.askForMagicLink(email, { client });

      expect(refused.status).toBe(429);
      expect(refused.data.initialValue).toEqual({ email });
      expect(await app.emailsTo(email)).toEqual([]);
    });

    it('tells Cloudflare a hash of the client’s address, never the address', async () => {
      const context = harness.context();
      const app = pages(harness, context);

      await app.signIn(newEmail(), WRONG, { client: '198.51.100.23' });
      await app.askForMagicLink(newEmail(), { client: '198.51.100.23' });

      const env = context.cloudflare.env as unknown as Record<string, { keys(): string[] }>;
      const keys = [...env.PASSWORD_LIMITER!.keys(), ...env.EMAIL_LIMITER!.keys()];
      expect(keys).toHaveLength(2);
      for (const key of keys) {
        expect(key).toMatch(/^[0-9a-f]{64}$/);
        expect(key).not.toContain('198.51.100.23');
      }
    });
  });

  describe(`emails to one address (${harness.adapter})`, () => {
    it('sends at most 5 links at once to an address, answering the same, known or unknown', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount(); // its confirmation came from sign-up's own allowance
      const nobody = newEmail('nobody');

      const known = [];
      const unknown = [];
      for (let i = 0; i < 6; i++) {
        known.push(await app.askForMagicLink(person.email, { client: newClient() }));
        unknown.push(await app.askForMagicLink(nobody, { client: newClient() }));
      }

      for (const outcome of [...known, ...unknown]) {
        expect(outcome.status).toBe(302);
        expect(outcome.headers.get('Location')).toBe('/check-email?for=magiclink');
      }
      expect(await app.emailsTo(person.email)).toHaveLength(1 + 5);
      expect((await app.emailsTo(nobody)).length).toBeLessThanOrEqual(5);
      await passTime(harness, 12 * 60);
      await app.askForMagicLink(person.email, { client: newClient() });
      expect(await app.emailsTo(person.email)).toHaveLength(1 + 6);
    });

    it('a stranger signing up with the owner’s address again and again never stops the owner’s sign-in link', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      for (let i = 0; i < 8; i++) {
        expect((await app.signUp(person.email, undefined, { client: newClient() })).status).toBe(
          302,
        );
      }

      await app.askForMagicLink(person.email, { client: newClient() });
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

      const signedIn = await app.followLink(link);
      expect(signedIn.status).toBe(302);
      expect((await app.whoIs(cookieFrom(signedIn)))?.id).toBe(person.id);
    });

    it('a stranger who uses up the owner’s links has sent the owner live ones', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      // The stranger keeps the allowance full: five at once, then one each time a slot frees.
      for (let i = 0; i < 5; i++) await app.askForMagicLink(person.email, { client: newClient() });
      await passTime(harness, 12 * 60);
      await app.askForMagicLink(person.email, { client: newClient() });
      await passTime(harness, 11 * 60);
      const sent = (await app.emailsTo(person.email)).length;

      // The owner's own request for a reset is quietly not sent…
      await app.askForReset(person.email, { client: newClient() });
      expect(await app.emailsTo(person.email)).toHaveLength(sent);
      // …but the newest link in their inbox still signs them in.
      const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
      const signedIn = await app.followLink(link);
      expect(signedIn.status).toBe(302);
      expect((await app.whoIs(cookieFrom(signedIn)))?.id).toBe(person.id);
    });
  });

  describe(`answers never wait for an email (${harness.adapter})`, () => {
    it('sign-up, sign-in link and reset answer while their emails are still held back', async () => {
      const context = harness.context();
      const app = pages(harness, context);
      const person = await app.confirmedAccount();
      // The actions themselves, not the driver's (which waits for sending, as a reader would).
      const send = (action: Action, path: string, fields: Record<string, string>) =>
        runAction(action, formPost(path, fields, { client: newClient() }), { context });
      const signUp = (email: string) =>
        send(signupAction, '/signup', { email, password: PASSWORD, adult: 'on' });
      const asks = [
        () => signUp(newEmail()),
        () => signUp(person.email),
        () => send(magicLinkAction, '/magic-link', { email: person.email }),
        () => send(magicLinkAction, '/magic-link', { email: newEmail() }),
        () => send(forgotAction, '/forgot-password', { email: person.email }),
        () => send(forgotAction, '/forgot-password', { email: newEmail() }),
      ];
      const before = (await app.emailsTo(person.email)).length;

      const release = await harness.holdEmails();
      const outcomes = [];
      try {
        // Were an answer to wait for its email, it would never come while the email is held.
        for (const ask of asks) outcomes.push(await ask());
      } finally {
        await release();
      }

      expect(outcomes.map((o) => o.status)).toEqual(Array(asks.length).fill(302));
      // Once let go, the emails do go out: the link, the reset link, and perhaps a note.
      const notes = harness.can.tellOwnerOfRepeatSignUp ? 1 : 0;
      expect((await app.emailsTo(person.email)).length).toBe(before + 2 + notes);
    });
  });
}
