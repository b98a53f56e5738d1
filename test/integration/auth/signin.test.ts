import { describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '~/auth/local/password.server';
import { loader as signinLoader } from '~/routes/signin';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { get, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import {
  confirmedAccount,
  emailCount,
  lastEmailTo,
  linkIn,
  newEmail,
  PASSWORD,
  quietOutbox,
  signIn,
  signUp,
  whoIs,
} from './support';

const db = setupTestDatabase();
quietOutbox();

async function storedHash(userId: string) {
  const [row] = await db.admin<{ password_hash: string }[]>`
    select password_hash from jobtrack.local_credentials where user_id = ${userId}`;
  return row!.password_hash;
}

describe('sign in', () => {
  it('signs in with the right password and sets only the session cookie, HttpOnly and SameSite=Lax', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const outcome = await signIn(context, person.email, person.password);

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/');
    const setCookie = outcome.headers.get('Set-Cookie')!;
    expect(outcome.headers.getSetCookie()).toHaveLength(1);
    expect(setCookie).toMatch(/^jobtrack_session=/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=2592000/);
    // Plain-http localhost is the one place the cookie may not be Secure.
    expect(setCookie).not.toMatch(/; Secure/i);
    expect((await whoIs(context, setCookie.split(';')[0]!))?.id).toBe(person.id);
  });

  it('marks the cookie Secure everywhere but plain-http localhost', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const { action } = await import('~/routes/signin');
    const request = new Request('https://jobtrack.example/signin', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://jobtrack.example',
      },
      body: new URLSearchParams({ email: person.email, password: person.password }),
    });

    const response = await action({ request, context, params: {} }).catch((r: Response) => r);

    expect((response as Response).headers.get('Set-Cookie')).toMatch(/; Secure/i);
  });

  it('returns to a same-site redirectTo, and ignores one that leaves the site', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const back = await signIn(context, person.email, person.password, {
      redirectTo: '/applications?page=2',
    });
    const away = await signIn(context, person.email, person.password, {
      redirectTo: '//evil.example/x',
    });

    expect(back.headers.get('Location')).toBe('/applications?page=2');
    expect(away.headers.get('Location')).toBe('/');
  });

  it('keeps redirectTo from the URL for the form, made safe', async () => {
    const { context } = makeContext(db.handle);
    const ok = await runLoader(signinLoader, get('/signin?redirectTo=%2Faccount'), { context });
    const evil = await runLoader(
      signinLoader,
      get('/signin?redirectTo=https%3A%2F%2Fevil.example'),
      { context },
    );
    expect(ok.data).toEqual({ redirectTo: '/account' });
    expect(evil.data).toEqual({ redirectTo: '/' });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const wrongPassword = await signIn(context, person.email, 'not the password at all');
    const unknownEmail = await signIn(context, newEmail('nobody'), 'not the password at all');

    expect(wrongPassword.status).toBe(400);
    expect(unknownEmail.status).toBe(400);
    expect(wrongPassword.data.error).toEqual({ '': ['Email or password is wrong.'] });
    expect(unknownEmail.data.error).toEqual(wrongPassword.data.error);
    expect(wrongPassword.headers.get('Set-Cookie')).toBeNull();
    // The email comes back for the person to correct; the password never does.
    expect(wrongPassword.data.initialValue).toEqual({ email: person.email });
    expect(JSON.stringify(wrongPassword.data)).not.toContain('not the password');
  });

  it('does the same PBKDF2 work for an unknown email as for a wrong password', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      await signIn(context, person.email, 'not the password at all');
      const forKnown = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);
      derive.mockClear();
      await signIn(context, newEmail('nobody'), 'not the password at all');
      const forUnknown = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);

      expect(forKnown).toEqual([100_000]);
      expect(forUnknown).toEqual(forKnown);
    } finally {
      derive.mockRestore();
    }
  });

  it('answers invalid input with 400 and field errors, keeping the email', async () => {
    const { context } = makeContext(db.handle);

    const outcome = await signIn(context, 'not-an-email', '');

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.email).toEqual(['Enter an email address like name@example.com']);
    expect(outcome.data.error.password).toEqual(['Enter your password']);
    expect(outcome.data.initialValue.email).toBe('not-an-email');
  });

  it('refuses an unconfirmed account with the right password and emails a new confirmation link', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    await signUp(context, { email, password: PASSWORD, adult: 'on' });
    const before = await emailCount(db.admin, email);

    const outcome = await signIn(context, email, PASSWORD);

    expect(outcome.status).toBe(400);
    expect(outcome.data.error[''][0]).toMatch(/confirm your email address.*new confirmation link/);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(await emailCount(db.admin, email)).toBe(before + 1);
    expect(linkIn((await lastEmailTo(db.admin, email)).body, '/auth/confirm')).toBeTruthy();
  });

  it('gives an unconfirmed account with a wrong password only the usual message, and no email', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    await signUp(context, { email, password: PASSWORD, adult: 'on' });
    const before = await emailCount(db.admin, email);

    const outcome = await signIn(context, email, 'wrong wrong wrong');

    expect(outcome.data.error).toEqual({ '': ['Email or password is wrong.'] });
    expect(await emailCount(db.admin, email)).toBe(before);
  });

  it('rehashes a password stored at a lower cost when its owner next signs in', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const cheap = await hashPassword(person.password, 1_000);
    await db.admin`update jobtrack.local_credentials set password_hash = ${cheap}
      where user_id = ${person.id}`;

    expect((await signIn(context, person.email, 'not the password at all')).status).toBe(400);
    expect(await storedHash(person.id)).toBe(cheap); // a wrong password changes nothing
    expect((await signIn(context, person.email, person.password)).status).toBe(302);

    const upgraded = await storedHash(person.id);
    expect(upgraded).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword(person.password, upgraded)).toBe(true);
  });

  it('leaves a hash at today’s cost as it is', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await storedHash(person.id);

    expect((await signIn(context, person.email, person.password)).status).toBe(302);

    expect(await storedHash(person.id)).toBe(before);
  });

  it('sends someone already signed in on to where they were going, made safe', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const open = (search: string) =>
      runLoader(signinLoader, get(`/signin${search}`, { cookie: person.cookie }), { context });

    const back = await open('?redirectTo=%2Fapplications%3Fpage%3D2');
    const away = await open('?redirectTo=https%3A%2F%2Fevil.example');

    expect(back.status).toBe(302);
    expect(back.headers.get('Location')).toBe('/applications?page=2');
    expect(away.headers.get('Location')).toBe('/');
  });

  it('gives a bot that fills the honeypot the wrong-password answer, checking and counting nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await signIn(context, person.email, person.password, {
      website: 'https://spam.example',
    });

    expect(outcome.status).toBe(400);
    expect(outcome.data.error).toEqual({ '': ['Email or password is wrong.'] });
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('refuses a POST from another site (403)', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const { action } = await import('~/routes/signin');
    const { formPost, runAction } = await import('../../support/http');

    const outcome = await runAction(
      action,
      formPost(
        '/signin',
        { email: person.email, password: person.password },
        { origin: 'https://evil.example' },
      ),
      { context },
    );

    expect(outcome.status).toBe(403);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
  });
});
