import { describe, expect, it } from 'vitest';
import { sha256 } from '~/auth/local/hashing.server';
import { loader as signupLoader } from '~/routes/signup';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { get, ORIGIN, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import {
  confirmedAccount,
  lastEmailTo,
  linkIn,
  newEmail,
  PASSWORD,
  pressContinue,
  quietOutbox,
  signUp,
  whoIs,
} from './support';

const db = setupTestDatabase();
const consoleInfo = quietOutbox();

async function userRow(email: string) {
  const [row] = await db.admin<
    { id: string; email_confirmed_at: Date | null; password_hash: string | null }[]
  >`
    select u.id, u.email_confirmed_at, c.password_hash
    from auth.users u left join jobtrack.local_credentials c on c.user_id = u.id
    where u.email = ${email}`;
  return row;
}

describe('sign up', () => {
  it('creates an unconfirmed account, emails a confirmation link and shows "Check your email"', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();

    const outcome = await signUp(context, { email, password: PASSWORD, adult: 'on' });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/check-email?for=signup');
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    const user = await userRow(email);
    expect(user?.email_confirmed_at).toBeNull();
    expect(user?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(user?.password_hash).not.toContain(PASSWORD);

    const mail = await lastEmailTo(db.admin, email);
    expect(mail.subject).toBe('Confirm your email address for JobTrack');
    const link = linkIn(mail.body, '/auth/confirm');
    expect(link.origin).toBe(ORIGIN);
    expect(link.searchParams.get('type')).toBe('signup');
    expect(link.searchParams.get('token_hash')).toMatch(/^[0-9a-f]{64}$/);
    // Local mode prints the email for the developer too (console.info, not console.error).
    expect(consoleInfo()).toHaveBeenCalledWith(expect.stringContaining(link.toString()));
  });

  it('confirming the emailed link confirms the address and signs the person in', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    await signUp(context, { email, password: PASSWORD, adult: 'on' });
    const link = linkIn((await lastEmailTo(db.admin, email)).body, '/auth/confirm');

    const outcome = await pressContinue(context, link);

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/');
    expect((await userRow(email))?.email_confirmed_at).toBeInstanceOf(Date);
    const cookie = outcome.headers.get('Set-Cookie')!.split(';')[0]!;
    expect((await whoIs(context, cookie))?.email).toBe(email);
  });

  it('sends a confirmation link that lasts 60 minutes, and refuses it once expired', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    await signUp(context, { email, password: PASSWORD, adult: 'on' });
    const link = linkIn((await lastEmailTo(db.admin, email)).body, '/auth/confirm');
    const hash = await sha256(link.searchParams.get('token_hash')!);
    const [token] = await db.admin<{ purpose: string; minutes: number }[]>`
      select purpose, extract(epoch from expires_at - now()) / 60 as minutes
      from jobtrack.auth_tokens where token_hash = ${hash}`;
    expect(token?.purpose).toBe('confirm');
    expect(Number(token!.minutes)).toBeGreaterThan(59);
    expect(Number(token!.minutes)).toBeLessThanOrEqual(60);

    await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 second'
      where token_hash = ${hash}`;
    const outcome = await pressContinue(context, link);

    expect(outcome.status).toBe(400);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect((await userRow(email))?.email_confirmed_at).toBeNull();
  });

  it('answers an existing email exactly as a new one, and emails its owner instead', async () => {
    const { context } = makeContext(db.handle);
    const existing = await confirmedAccount(db, context);
    const fresh = newEmail();

    const known = await signUp(context, {
      email: existing.email,
      password: 'another good passphrase',
      adult: 'on',
    });
    const unknown = await signUp(context, {
      email: fresh,
      password: 'another good passphrase',
      adult: 'on',
    });

    expect(known.status).toBe(unknown.status);
    expect(known.data).toEqual(unknown.data);
    expect(known.headers.get('Location')).toBe(unknown.headers.get('Location'));
    expect([...known.headers.keys()]).toEqual([...unknown.headers.keys()]);

    const accounts = await db.admin`select 1 from auth.users where email = ${existing.email}`;
    expect(accounts).toHaveLength(1);
    const mail = await lastEmailTo(db.admin, existing.email);
    expect(mail.subject).toBe('Someone tried to create a JobTrack account with your email');
    expect(linkIn(mail.body, '/signin').origin).toBe(ORIGIN);
    expect(linkIn(mail.body, '/forgot-password').origin).toBe(ORIGIN);
    // The existing password still works: nothing about the account changed.
    expect(await whoIs(context, existing.cookie)).not.toBeNull();
  });

  it('answers invalid input with 400, the errors beside the fields and the email kept, never the password', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail('Typed');
    const before = await allRows(db.admin);

    const outcome = await signUp(context, { email: `  ${email}`, password: 'short' });

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.password).toEqual(['Use at least 8 characters']);
    expect(outcome.data.error.adult).toEqual(['Confirm that you are 18 or over']);
    expect(outcome.data.initialValue.email).toBe(`  ${email}`);
    expect(JSON.stringify(outcome.data)).not.toContain('short');
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('refuses one of the 1,000 most common passwords', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    const before = await allRows(db.admin);

    const outcome = await signUp(context, { email, password: 'Password1', adult: 'on' });

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.password[0]).toMatch(/most common passwords/);
    expect(JSON.stringify(outcome.data)).not.toContain('Password1');
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('gives a bot that fills the honeypot the usual answer and creates nothing', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    const before = await allRows(db.admin);

    const outcome = await signUp(context, {
      email,
      password: PASSWORD,
      adult: 'on',
      website: 'https://spam.example',
    });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/check-email?for=signup');
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('refuses a POST from another site (403) and creates nothing', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    const before = await allRows(db.admin);

    const outcome = await signUp(
      context,
      { email, password: PASSWORD, adult: 'on' },
      'https://evil.example',
    );

    expect(outcome.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('sends a signed-in person who opens /signup to the dashboard', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const outcome = await runLoader(signupLoader, get('/signup', { cookie: person.cookie }), {
      context,
    });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/');
  });
});
