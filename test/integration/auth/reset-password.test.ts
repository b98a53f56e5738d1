import type { AppLoadContext } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import { sha256 } from '~/auth/local/hashing.server';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { cookieFrom, formPost, get, ORIGIN, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import {
  confirmedAccount,
  lastEmailTo,
  linkIn,
  newEmail,
  quietOutbox,
  sessionCount,
  signIn,
  whoIs,
} from './support';

const db = setupTestDatabase();
quietOutbox();

const NEW_PASSWORD = 'lantern meadow quietly';

function forgot(context: AppLoadContext, email: string) {
  return runAction(forgotAction, formPost('/forgot-password', { email }), { context });
}

async function resetLinkFor(context: AppLoadContext, email: string) {
  await forgot(context, email);
  const mail = await lastEmailTo(db.admin, email);
  expect(mail.subject).toBe('Reset your JobTrack password');
  return linkIn(mail.body, '/reset-password');
}

function setPassword(context: AppLoadContext, link: URL, password: string, origin?: string) {
  const token = link.searchParams.get('token') ?? '';
  return runAction(
    resetAction,
    formPost(`/reset-password?token=${token}`, { token, password }, { origin }),
    {
      context,
    },
  );
}

async function usedAt(link: URL) {
  const hash = await sha256(link.searchParams.get('token')!);
  const [row] = await db.admin<{ used_at: Date | null; expires_at: Date; purpose: string }[]>`
    select used_at, expires_at, purpose from jobtrack.auth_tokens where token_hash = ${hash}`;
  return row;
}

describe('forgotten password', () => {
  it('answers a known and an unknown email identically', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const known = await forgot(context, person.email);
    const unknown = await forgot(context, newEmail('nobody'));

    expect(known.status).toBe(302);
    expect(known.headers.get('Location')).toBe('/check-email?for=recovery');
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get('Location')).toBe(known.headers.get('Location'));
    expect(unknown.data).toEqual(known.data);
  });

  it('emails an absolute link to /reset-password whose token is stored hashed and lasts an hour', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const link = await resetLinkFor(context, person.email);
    const row = await usedAt(link);

    expect(link.origin).toBe(ORIGIN);
    expect(row?.purpose).toBe('recovery');
    const minutes = (row!.expires_at.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    const dump =
      await db.admin`select string_agg(t::text, ' ') as text from jobtrack.auth_tokens t`;
    expect(dump[0]!.text).not.toContain(link.searchParams.get('token'));
  });

  it('opening the link (GET) shows the form and spends nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await resetLinkFor(context, person.email);
    const before = await allRows(db.admin);

    const page = await runLoader(resetLoader, get(`${link.pathname}${link.search}`), { context });

    expect(page.data).toEqual({ token: link.searchParams.get('token') });
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('shows "link not complete" for a malformed token, and refuses one posted with 400', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const token = (await resetLinkFor(context, person.email)).searchParams.get('token')!;
    const before = await allRows(db.admin);

    for (const bad of [token.slice(1), token.toUpperCase(), `${token}0`, 'abc', '']) {
      const page = await runLoader(resetLoader, get(`/reset-password?token=${bad}`), { context });
      expect(page.data, bad).toEqual({ token: null });
      const posted = await setPassword(
        context,
        new URL(`/reset-password?token=${bad}`, ORIGIN),
        NEW_PASSWORD,
      );
      expect(posted.status, bad).toBe(400);
      expect(posted.data.error.token?.[0], bad).toMatch(/incomplete/);
    }
    expect((await runLoader(resetLoader, get('/reset-password'), { context })).data).toEqual({
      token: null,
    });
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('sets the new password, ends every session, and signs the person in afresh', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const phone = cookieFrom(await signIn(context, person.email, person.password));
    expect(await sessionCount(db.admin, person.id)).toBe(2);
    const link = await resetLinkFor(context, person.email);

    const outcome = await setPassword(context, link, NEW_PASSWORD);

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/');
    expect(await whoIs(context, person.cookie)).toBeNull();
    expect(await whoIs(context, phone)).toBeNull();
    expect((await whoIs(context, cookieFrom(outcome)))?.id).toBe(person.id);
    expect(await sessionCount(db.admin, person.id)).toBe(1);
    expect((await signIn(context, person.email, person.password)).status).toBe(400);
    expect((await signIn(context, person.email, NEW_PASSWORD)).status).toBe(302);
  });

  it('accepts each reset link once', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await resetLinkFor(context, person.email);

    expect((await setPassword(context, link, NEW_PASSWORD)).status).toBe(302);
    const again = await setPassword(context, link, 'another fresh passphrase');

    expect(again.status).toBe(400);
    expect(again.data.error[''][0]).toMatch(/expired or has already been used/);
    expect((await signIn(context, person.email, NEW_PASSWORD)).status).toBe(302);
  });

  it('refuses an expired link', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await resetLinkFor(context, person.email);
    const hash = await sha256(link.searchParams.get('token')!);
    await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 second' where token_hash = ${hash}`;

    const outcome = await setPassword(context, link, NEW_PASSWORD);

    expect(outcome.status).toBe(400);
    expect((await signIn(context, person.email, person.password)).status).toBe(302);
  });

  it('answers a too-weak new password with 400, never echoes it, and leaves the link usable', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await resetLinkFor(context, person.email);
    const before = await allRows(db.admin);

    const outcome = await setPassword(context, link, 'iloveyou');

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.password[0]).toMatch(/most common passwords/);
    expect(JSON.stringify(outcome.data)).not.toContain('iloveyou');
    expect(outcome.data.initialValue.token).toBe(link.searchParams.get('token'));
    // Password, sessions and the link itself: all as they were.
    expect(await allRows(db.admin)).toEqual(before);
    expect((await setPassword(context, link, NEW_PASSWORD)).status).toBe(302);
  });

  it('does not accept a sign-in link token as a reset token', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const { action: magic } = await import('~/routes/magic-link');
    await runAction(magic, formPost('/magic-link', { email: person.email }), { context });
    const magicLink = linkIn((await lastEmailTo(db.admin, person.email)).body, '/auth/confirm');
    const forged = new URL(
      `/reset-password?token=${magicLink.searchParams.get('token_hash')}`,
      ORIGIN,
    );

    expect((await setPassword(context, forged, NEW_PASSWORD)).status).toBe(400);
  });

  it('refuses a reset POST from another site (403) and spends nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const link = await resetLinkFor(context, person.email);
    const before = await allRows(db.admin);

    const outcome = await setPassword(context, link, NEW_PASSWORD, 'https://evil.example');

    expect(outcome.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
    expect((await setPassword(context, link, NEW_PASSWORD)).status).toBe(302);
  });

  it('gives a bot that fills the honeypot the usual answer and sends nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await runAction(
      forgotAction,
      formPost('/forgot-password', { email: person.email, website: 'https://spam.example' }),
      { context },
    );

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/check-email?for=recovery');
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('refuses a forgot-password POST from another site (403) and sends nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);
    const outcome = await runAction(
      forgotAction,
      formPost('/forgot-password', { email: person.email }, { origin: 'https://evil.example' }),
      { context },
    );
    expect(outcome.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
  });
});
