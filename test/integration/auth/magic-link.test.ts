import { describe, expect, it } from 'vitest';
import { sha256 } from '~/auth/local/hashing.server';
import { loader as confirmLoader } from '~/routes/auth.confirm';
import { action as magicLinkAction } from '~/routes/magic-link';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { cookieFrom, formPost, get, ORIGIN, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import {
  confirmedAccount,
  emailCount,
  lastEmailTo,
  linkIn,
  newEmail,
  pressContinue,
  quietOutbox,
  whoIs,
} from './support';

const db = setupTestDatabase();
quietOutbox();

function askForLink(
  context: Parameters<typeof runAction>[2]['context'],
  email: string,
  origin?: string,
) {
  return runAction(magicLinkAction, formPost('/magic-link', { email }, { origin }), { context });
}

async function magicLinkFor(context: Parameters<typeof askForLink>[0], email: string) {
  await askForLink(context, email);
  const mail = await lastEmailTo(db.admin, email);
  expect(mail.subject).toBe('Your JobTrack sign-in link');
  return linkIn(mail.body, '/auth/confirm');
}

async function tokenRow(link: URL) {
  const hash = await sha256(link.searchParams.get('token_hash')!);
  const [row] = await db.admin<{ purpose: string; used_at: Date | null; expires_at: Date }[]>`
    select purpose, used_at, expires_at from jobtrack.auth_tokens where token_hash = ${hash}`;
  return row;
}

async function tokenCount(userId: string) {
  const [row] = await db.admin<{ n: number }[]>`
    select count(*)::int as n from jobtrack.auth_tokens where user_id = ${userId}`;
  return row!.n;
}

describe('magic link', () => {
  it('answers a known and an unknown email identically', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const nobody = newEmail('nobody');

    const known = await askForLink(context, person.email);
    const unknown = await askForLink(context, nobody);

    expect(known.status).toBe(302);
    expect(known.headers.get('Location')).toBe('/check-email?for=magiclink');
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get('Location')).toBe(known.headers.get('Location'));
    expect(unknown.data).toEqual(known.data);
    // Only the owner of an account gets a link; the unknown address hears there is no account.
    expect((await lastEmailTo(db.admin, nobody)).body).not.toMatch(/token_hash/);
  });

  it('emails a single-use link that signs the person in after "Continue"', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);
    expect(link.origin).toBe(ORIGIN);
    expect(link.searchParams.get('type')).toBe('magiclink');

    const first = await pressContinue(context, link);
    const second = await pressContinue(context, link);

    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe('/');
    expect((await whoIs(context, cookieFrom(first)))?.id).toBe(person.id);
    expect(second.status).toBe(400);
    expect(second.data.error['']).toEqual([
      'This link has expired or has already been used. Please ask for a new one.',
    ]);
    expect(second.headers.get('Set-Cookie')).toBeNull();
  });

  it('keeps the date the address was first confirmed when a later link signs in', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await db.admin`update auth.users set email_confirmed_at = '2026-01-01T00:00:00Z'
      where id = ${person.id}`;

    expect((await pressContinue(context, await magicLinkFor(context, person.email))).status).toBe(
      302,
    );

    const [row] = await db.admin<{ email_confirmed_at: Date }[]>`
      select email_confirmed_at from auth.users where id = ${person.id}`;
    expect(row!.email_confirmed_at.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('lets two clicks at once sign in only once', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);

    const outcomes = await Promise.all([
      pressContinue(context, link),
      pressContinue(context, link),
    ]);

    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 400]);
  });

  it('changes nothing when the link is merely opened (GET), so mail scanners cannot spend it', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);
    const before = await allRows(db.admin);

    const page = await runLoader(confirmLoader, get(`${link.pathname}${link.search}`), { context });
    await runLoader(confirmLoader, get(`${link.pathname}${link.search}`), { context });

    expect(await allRows(db.admin)).toEqual(before);
    expect(page.status).toBe(200);
    expect(page.data.link).toEqual({
      token_hash: link.searchParams.get('token_hash'),
      type: 'magiclink',
    });
    expect(page.headers.get('Set-Cookie')).toBeNull();
    expect((await tokenRow(link))?.used_at).toBeNull();
    expect((await pressContinue(context, link)).status).toBe(302);
  });

  it('stores only the SHA-256 of the token, which expires within 30 minutes', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);
    const raw = link.searchParams.get('token_hash')!;

    const row = await tokenRow(link);
    const dump =
      await db.admin`select string_agg(t::text, ' ') as text from jobtrack.auth_tokens t`;

    expect(row?.purpose).toBe('magiclink');
    expect(dump[0]!.text).not.toContain(raw);
    const minutes = (row!.expires_at.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it('refuses an expired link', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);
    const hash = await sha256(link.searchParams.get('token_hash')!);
    await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 second' where token_hash = ${hash}`;

    const outcome = await pressContinue(context, link);

    expect(outcome.status).toBe(400);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
  });

  it('refuses a sign-in token presented as a sign-up confirmation', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);
    link.searchParams.set('type', 'signup');

    expect((await pressContinue(context, link)).status).toBe(400);
  });

  it('refuses a changed or made-up token with 400', async () => {
    const { context } = makeContext(db.handle);
    const madeUp = new URL(`/auth/confirm?token_hash=${'0'.repeat(64)}&type=magiclink`, ORIGIN);
    const truncated = new URL('/auth/confirm?token_hash=abc&type=magiclink', ORIGIN);

    expect((await pressContinue(context, madeUp)).status).toBe(400);
    const broken = await pressContinue(context, truncated);
    expect(broken.status).toBe(400);
    expect(broken.data.error.token_hash).toBeTruthy();
    const page = await runLoader(confirmLoader, get(`${truncated.pathname}${truncated.search}`), {
      context,
    });
    expect(page.data.link).toBeNull();
  });

  it('answers an invalid email with 400 and keeps it; sends nothing', async () => {
    const { context } = makeContext(db.handle);

    const outcome = await askForLink(context, 'nobody@');

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.email).toEqual(['Enter an email address like name@example.com']);
    expect(outcome.data.initialValue.email).toBe('nobody@');
    expect(await emailCount(db.admin, 'nobody@')).toBe(0);
  });

  it('refuses a request from another site (403) and sends nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await askForLink(context, person.email, 'https://evil.example');

    expect(outcome.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('gives a bot that fills the honeypot the usual answer and sends nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await runAction(
      magicLinkAction,
      formPost('/magic-link', { email: person.email, website: 'https://spam.example' }),
      { context },
    );

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/check-email?for=magiclink');
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('tidies away the person’s spent and expired tokens when a new link is issued', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const neighbour = await confirmedAccount(db, context);
    const spent = await magicLinkFor(context, person.email);
    expect((await pressContinue(context, spent)).status).toBe(302);
    const expired = await magicLinkFor(context, person.email);
    await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 second'
      where token_hash = ${await sha256(expired.searchParams.get('token_hash')!)}`;
    const live = await magicLinkFor(context, person.email);
    await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 second'
      where user_id = ${neighbour.id}`;
    const neighbourTokens = await tokenCount(neighbour.id);
    expect(neighbourTokens).toBeGreaterThan(0);

    const newest = await magicLinkFor(context, person.email);

    expect(await tokenRow(spent)).toBeUndefined();
    expect(await tokenRow(expired)).toBeUndefined();
    expect((await tokenRow(live))?.used_at).toBeNull();
    expect((await tokenRow(newest))?.used_at).toBeNull();
    expect(await tokenCount(person.id)).toBe(2);
    expect(await tokenCount(neighbour.id)).toBe(neighbourTokens);
  });

  it('refuses "Continue" from another site (403) and leaves the token unspent', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await magicLinkFor(context, person.email);
    const { action } = await import('~/routes/auth.confirm');
    const fields = { token_hash: link.searchParams.get('token_hash')!, type: 'magiclink' };
    const before = await allRows(db.admin);

    const outcome = await runAction(
      action,
      formPost('/auth/confirm', fields, { origin: 'https://evil.example' }),
      { context },
    );

    expect(outcome.status).toBe(403);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(await allRows(db.admin)).toEqual(before);
    expect((await pressContinue(context, link)).status).toBe(302);
  });
});
