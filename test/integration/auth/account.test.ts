import type { AppLoadContext } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import { action, loader } from '~/routes/account._index';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { cookieFrom, formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { confirmedAccount, quietOutbox, sessionCount, signIn, whoIs } from './support';

const db = setupTestDatabase();
quietOutbox();

const NEW_PASSWORD = 'orchard lamplight tuesday';

function changePassword(
  context: AppLoadContext,
  cookie: string,
  fields: Record<string, string>,
  origin?: string,
) {
  return runAction(action, formPost('/account', fields, { cookie, origin }), { context });
}

describe('account page', () => {
  it('shows the signed-in person’s email', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const page = await runLoader(loader, get('/account', { cookie: person.cookie }), { context });

    expect(page.data.email).toBe(person.email);
  });

  it('sends a signed-out visitor to sign in, coming back afterwards', async () => {
    const { context } = makeContext(db.handle);

    const page = await runLoader(loader, get('/account'), { context });

    expect(page.status).toBe(302);
    expect(page.headers.get('Location')).toBe('/signin?redirectTo=%2Faccount');
  });
});

describe('change password', () => {
  it('changes the password, ends every other session and rotates this one', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const otherDevice = cookieFrom(await signIn(context, person.email, person.password));

    const outcome = await changePassword(context, person.cookie, {
      currentPassword: person.password,
      newPassword: NEW_PASSWORD,
    });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/account?notice=password-changed');
    const rotated = cookieFrom(outcome);
    expect(rotated).not.toBe(person.cookie);
    expect((await whoIs(context, rotated))?.id).toBe(person.id);
    expect(await whoIs(context, person.cookie)).toBeNull();
    expect(await whoIs(context, otherDevice)).toBeNull();
    expect(await sessionCount(db.admin, person.id)).toBe(1);
    expect((await signIn(context, person.email, person.password)).status).toBe(400);
    expect((await signIn(context, person.email, NEW_PASSWORD)).status).toBe(302);
  });

  it('refuses a wrong current password beside that field, changing nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    // Only the failure count may change: it is what stops guessing.
    const before = await allRows(db.admin, ['jobtrack.sign_in_failures']);

    const outcome = await changePassword(context, person.cookie, {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
    });

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.currentPassword).toEqual(['Your current password is wrong']);
    expect(JSON.stringify(outcome.data)).not.toContain('not my password');
    expect(JSON.stringify(outcome.data)).not.toContain(NEW_PASSWORD);
    expect(await allRows(db.admin, ['jobtrack.sign_in_failures'])).toEqual(before);
    expect((await signIn(context, person.email, person.password)).status).toBe(302);
  });

  it('applies the new-password rules, leaving the password unchanged', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await changePassword(context, person.cookie, {
      currentPassword: person.password,
      newPassword: 'football',
    });

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.newPassword[0]).toMatch(/most common passwords/);
    expect(outcome.data.initialValue).toEqual({});
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('locks out guessing of the current password like sign-in does', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    for (let i = 0; i < 5; i++) {
      await changePassword(context, person.cookie, {
        currentPassword: `guess ${i}`,
        newPassword: NEW_PASSWORD,
      });
    }

    const outcome = await changePassword(context, person.cookie, {
      currentPassword: person.password,
      newPassword: NEW_PASSWORD,
    });

    expect(outcome.status).toBe(429);
    expect(outcome.data.error[''][0]).toMatch(/wait 1 minute/);
  });

  it('refuses a POST from another site (403) and changes nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await changePassword(
      context,
      person.cookie,
      { currentPassword: person.password, newPassword: NEW_PASSWORD },
      'https://evil.example',
    );

    expect(outcome.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('sends a signed-out POST to sign in and changes nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await changePassword(context, '', {
      currentPassword: person.password,
      newPassword: NEW_PASSWORD,
    });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/signin?redirectTo=%2Fapplications');
    expect(await allRows(db.admin)).toEqual(before);
  });
});
