import { describe, expect, it } from 'vitest';
import { authFor } from '~/auth/auth.server';
import { loader as homeLoader } from '~/routes/_index';
import { action as signoutAction } from '~/routes/signout';
import { cookieFrom, formPost, get, runAction, runLoader } from '../../../support/http';
import { pages } from './driver';
import type { AccountHarness } from './harness';

const NEW_PASSWORD = 'orchard lamplight tuesday';

/** The account page, signing out and deleting the account, for any adapter. */
export function accountBehaviours(harness: AccountHarness) {
  describe(`account page (${harness.adapter})`, () => {
    it('shows the signed-in person’s email, and that they have a password', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const page = await app.accountPage(person.cookie);

      expect(page.data).toMatchObject({ email: person.email, hasPassword: true });
    });

    it('sends a signed-out visitor to sign in, coming back afterwards', async () => {
      const app = pages(harness, harness.context());

      const page = await app.accountPage('');

      expect(page.status).toBe(302);
      expect(page.headers.get('Location')).toBe('/signin?redirectTo=%2Faccount');
    });
  });

  describe(`change password (${harness.adapter})`, () => {
    it('changes the password, ends every other session, rotates this one, and emails the person', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const otherDevice = cookieFrom(await app.signIn(person.email, person.password));

      const outcome = await app.changePassword(person.cookie, person.password, NEW_PASSWORD);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/account?notice=password-changed');
      const rotated = cookieFrom(outcome);
      expect(rotated).not.toBe(person.cookie);
      expect((await app.whoIs(rotated))?.id).toBe(person.id);
      expect(await app.whoIs(person.cookie)).toBeNull();
      expect(await app.whoIs(otherDevice)).toBeNull();
      expect((await app.lastEmail(person.email, 'password-changed')).subject).toMatch(/password/);
      expect((await app.signIn(person.email, person.password)).status).toBe(400);
      expect((await app.signIn(person.email, NEW_PASSWORD)).status).toBe(302);
    });

    it('refuses a wrong current password beside that field, changing nothing and sending nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.changePassword(person.cookie, 'not my password', NEW_PASSWORD);

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.currentPassword).toEqual(['Your current password is wrong']);
      expect(JSON.stringify(outcome.data)).not.toContain('not my password');
      expect(JSON.stringify(outcome.data)).not.toContain(NEW_PASSWORD);
      expect(await app.whoIs(person.cookie)).not.toBeNull();
      expect((await app.emailsTo(person.email)).map((e) => e.kind)).toEqual(['confirm']);
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('applies the new-password rules', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.changePassword(person.cookie, person.password, 'football');

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.newPassword[0]).toMatch(/most common passwords/);
      expect(outcome.data.initialValue).toEqual({ intent: 'password' });
    });

    it('will not set a password without the current one while the account has one', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.choosePassword(person.cookie, NEW_PASSWORD);

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.currentPassword).toEqual(['Enter your current password']);
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('is refused by the port itself too, not only by the form’s schema', async () => {
      const context = harness.context();
      const app = pages(harness, context);
      const person = await app.confirmedAccount();
      const request = formPost('/account', {}, { cookie: person.cookie });

      const result = await authFor(context).changePassword(
        request,
        { id: person.id, email: person.email },
        { currentPassword: null, newPassword: NEW_PASSWORD },
      );

      expect(result).toEqual({ ok: false, reason: 'wrong-password' });
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('refuses a POST from another site (403) and changes nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const { action } = await import('~/routes/account._index');

      const outcome = await runAction(
        action,
        formPost(
          '/account',
          { intent: 'password', currentPassword: person.password, newPassword: NEW_PASSWORD },
          { cookie: person.cookie, origin: 'https://evil.example' },
        ),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect((await app.signIn(person.email, person.password)).status).toBe(302);
    });

    it('sends a signed-out POST to sign in and changes nothing', async () => {
      const app = pages(harness, harness.context());

      const outcome = await app.changePassword('', 'x', NEW_PASSWORD);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=/);
    });
  });

  describe(`sign out of all other devices (${harness.adapter})`, () => {
    it('ends every other session and keeps this one, saying so', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const laptop = cookieFrom(await app.signIn(person.email, person.password));
      const phone = cookieFrom(await app.signIn(person.email, person.password));

      const outcome = await app.signOutOthers(person.cookie);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/account?notice=signed-out-others');
      expect(await app.whoIs(laptop)).toBeNull();
      expect(await app.whoIs(phone)).toBeNull();
      expect((await app.whoIs(person.cookie))?.id).toBe(person.id);
      const page = await app.accountPage(person.cookie, '?notice=signed-out-others');
      expect(page.data.notice).toMatch(/signed out on every other device/);
    });

    it('leaves other people signed in', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const neighbour = await app.confirmedAccount();

      await app.signOutOthers(person.cookie);

      expect((await app.whoIs(neighbour.cookie))?.id).toBe(neighbour.id);
    });

    it('refuses a POST from another site (403)', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const laptop = cookieFrom(await app.signIn(person.email, person.password));
      const { action } = await import('~/routes/account._index');

      const outcome = await runAction(
        action,
        formPost(
          '/account',
          { intent: 'sign-out-others' },
          { cookie: person.cookie, origin: 'https://evil.example' },
        ),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect(await app.whoIs(laptop)).not.toBeNull();
    });
  });

  describe(`sign out (${harness.adapter})`, () => {
    it('ends the session, clears the cookie and the browser’s cache (never its storage), and says so', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.signOut(person.cookie);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/?notice=signed-out');
      expect(outcome.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
      expect(outcome.headers.get('Clear-Site-Data')).toBe('"cache"');
      expect(await app.whoIs(person.cookie)).toBeNull();
      const landed = await runLoader(homeLoader, get('/?notice=signed-out'), {
        context: app.context,
      });
      expect(landed.data).toMatchObject({ signedIn: false, notice: 'You have been signed out.' });
    });

    it('ends only this session, not the person’s other devices', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const laptop = cookieFrom(await app.signIn(person.email, person.password));

      await app.signOut(person.cookie);

      expect(await app.whoIs(laptop)).not.toBeNull();
    });

    it('refuses a sign-out POST from another site (403) and keeps the session', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await runAction(
        signoutAction,
        formPost('/signout', {}, { cookie: person.cookie, origin: 'https://evil.example' }),
        { context: app.context },
      );

      expect(outcome.status).toBe(403);
      expect(await app.whoIs(person.cookie)).not.toBeNull();
    });

    it('has no loader: a GET of /signout only shows the button and signs nobody out', async () => {
      const route = await import('~/routes/signout');
      expect('loader' in route).toBe(false);
    });
  });

  describe(`delete account (${harness.adapter})`, () => {
    /** Every row in schema jobtrack whose text mentions `needle`, as "table: row". */
    /** Every row, in any table of any schema (auth and jobtrack among them), whose text holds `needle`. */
    async function rowsMentioning(needle: string) {
      const admin = harness.admin();
      const tables = await admin<{ schema: string; name: string }[]>`
        select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE'
          and table_schema not in ('pg_catalog', 'information_schema')
          and table_schema not like 'pg\_%'`;
      expect(tables.map((t) => t.schema)).toEqual(expect.arrayContaining(['auth', 'jobtrack']));
      const found: string[] = [];
      for (const { schema, name } of tables) {
        const rows = await admin.unsafe(
          `select t::text as row from "${schema}"."${name}" t where t::text ilike '%' || $1 || '%'`,
          [needle],
        );
        for (const { row } of rows) found.push(`${schema}.${name}: ${row}`);
      }
      return found;
    }

    it('shows the page only to a signed-in person', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      expect((await app.deletePage(person.cookie)).data).toEqual({
        email: person.email,
        hasPassword: true,
        constraint: expect.any(Object),
      });
      expect((await app.deletePage('')).status).toBe(302);
    });

    it('removes the person and every row of theirs in every schema, and nobody else’s; their old session stops working', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();
      const neighbour = await app.confirmedAccount();
      for (const who of [person, neighbour]) {
        const [application] = await harness.admin()<{ id: string }[]>`
          insert into jobtrack.applications (user_id, company, role, status)
          values (${who.id}, 'Acme Ltd', 'Analyst', 'applied') returning id`;
        await harness.admin()`insert into jobtrack.status_changes (application_id, user_id, to_status)
          values (${application!.id}, ${who.id}, 'applied')`;
        // The Statement Builder's rows: a statement (its inputs), a version (a draft), a generation.
        const [statement] = await harness.admin()<{ id: string }[]>`
          insert into jobtrack.statements (user_id, kind, job_title, word_limit, tone, create_key, application_id)
          values (${who.id}, 'supporting', 'Staff Nurse', 500, 'professional', gen_random_uuid(), ${application!.id})
          returning id`;
        await harness.admin()`insert into jobtrack.statement_versions (statement_id, user_id, number, text, word_limit, request_key)
          values (${statement!.id}, ${who.id}, 1, 'I cared for six patients.', 500, gen_random_uuid())`;
        await harness.admin()`insert into jobtrack.statement_generations (user_id) values (${who.id})`;
        await app.signIn(who.email, 'a wrong guess');
        await app.askForMagicLink(who.email);
      }

      const outcome = await app.deleteAccount(person.cookie, person.password);

      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toBe('/?notice=account-deleted');
      expect(outcome.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
      await app.context.background.settled();
      expect(await harness.admin()`select 1 from auth.users where id = ${person.id}`).toEqual([]);
      expect(await rowsMentioning(person.id)).toEqual([]);
      expect(await rowsMentioning(person.email)).toEqual([]);
      expect((await rowsMentioning(neighbour.id)).length).toBeGreaterThanOrEqual(5);
      expect((await app.signIn(person.email, person.password)).status).toBe(400);
      // The deleted person's old session cookie no longer signs anyone in.
      expect(await app.whoIs(person.cookie)).toBeNull();
    });

    it('refuses a wrong password beside the field and deletes nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.deleteAccount(person.cookie, 'not my password');

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.password).toEqual(['Your password is wrong']);
      expect(JSON.stringify(outcome.data)).not.toContain('not my password');
      expect(await harness.admin()`select 1 from auth.users where id = ${person.id}`).toHaveLength(
        1,
      );
    });

    it('answers a missing password with 400', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const outcome = await app.deleteAccount(person.cookie, '');

      expect(outcome.status).toBe(400);
      expect(outcome.data.error.password).toEqual(['Enter your password']);
    });

    it('refuses a POST from another site (403) and deletes nothing', async () => {
      const app = pages(harness, harness.context());
      const person = await app.confirmedAccount();

      const { action } = await import('~/routes/account.delete');
      const forged = await runAction(
        action,
        formPost(
          '/account/delete',
          { password: person.password },
          { cookie: person.cookie, origin: 'https://evil.example' },
        ),
        { context: app.context },
      );

      expect(forged.status).toBe(403);
      expect(await harness.admin()`select 1 from auth.users where id = ${person.id}`).toHaveLength(
        1,
      );
    });
  });
}
