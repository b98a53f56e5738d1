import { randomUUID } from 'node:crypto';
import { createCookie } from '@remix-run/cloudflare';
import { describe, expect, it, vi } from 'vitest';
import {
  clearedSessionHeaders,
  endRequestSession,
  SESSION_COOKIE,
  sessionClaim,
  sessionHeaders,
} from '~/auth/local/sessions.server';
import { sha256 } from '~/auth/hashing.server';
import { makeContext } from '../../../support/context';
import { setupTestDatabase } from '../../../support/db';
import { cookieFrom, get } from '../../../support/http';
import { confirmedAccount, sessionCount, signIn, whoIs } from './support';
import { quietOutbox } from './harness';
import { signedInUser } from '../../../support/users';

const db = setupTestDatabase();
quietOutbox();

/** The Cookie header for a session token, as the browser would send it back (user id, dot, token). */
const cookieFor = async (userId: string, token: string) =>
  (await sessionHeaders(get('/'), `${userId}.${token}`)).get('Set-Cookie')!.split(';')[0]!;

/** The raw session token a Cookie header carries, after the user id and the dot. */
const tokenOf = async (cookie: string): Promise<string> => {
  const value: string = await createCookie(SESSION_COOKIE).parse(cookie);
  return value.slice(value.indexOf('.') + 1);
};

/** Stores a live session for `token` straight in the table, as createSession would. */
async function storeSession(userId: string, token: string) {
  await db.admin`insert into jobtrack.sessions (token_hash, user_id, expires_at)
    values (${await sha256(token)}, ${userId}, now() + interval '1 day')`;
}

describe('sessions', () => {
  it('last 30 days from sign-in', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const [row] = await db.admin<{ days: number }[]>`
      select extract(epoch from expires_at - now()) / 86400 as days
      from jobtrack.sessions where user_id = ${person.id}`;

    expect(Number(row!.days)).toBeGreaterThan(29.99);
    expect(Number(row!.days)).toBeLessThanOrEqual(30);
  });

  it('last 30 days by the clock they are checked against, the database’s, whatever the Worker’s says', async () => {
    const { context } = makeContext(db.handle);
    // A Worker clock a month behind the database's: its own sum would start the session expired.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() - 31 * 86_400_000));
    const person = await signedInUser(db, context).finally(() => vi.useRealTimers());

    const [row] = await db.admin<{ days: number }[]>`
      select extract(epoch from expires_at - now()) / 86400 as days
      from jobtrack.sessions where user_id = ${person.id}`;
    expect(Number(row!.days)).toBeGreaterThan(29.99);
    expect((await whoIs(context, person.cookie))?.id).toBe(person.id);
  });

  it('sign nobody in once expired, though the row and the cookie are still there', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    expect((await whoIs(context, person.cookie))?.id).toBe(person.id);

    await db.admin`update jobtrack.sessions set expires_at = now() - interval '1 second'
      where user_id = ${person.id}`;

    expect(await whoIs(context, person.cookie)).toBeNull();
  });

  it('sign nobody in when the cookie names another person beside a live token', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const neighbour = await confirmedAccount(db, context);
    const token = await tokenOf(person.cookie);

    // The id in the cookie is only a claim: the token's own session must belong to it.
    expect(await whoIs(context, await cookieFor(neighbour.id, token))).toBeNull();
    expect((await whoIs(context, await cookieFor(person.id, token)))?.id).toBe(person.id);
  });

  it('are tidied on the next sign-in: the person’s expired ones go, live ones and others’ stay', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const neighbour = await confirmedAccount(db, context);
    const laptop = cookieFrom(await signIn(context, person.email, person.password));
    await db.admin`update jobtrack.sessions set expires_at = now() - interval '1 second'
      where user_id in (${person.id}, ${neighbour.id}) and token_hash <> ${await sha256(await tokenOf(laptop))}`;
    expect(await sessionCount(db.admin, person.id)).toBe(2);

    const phone = cookieFrom(await signIn(context, person.email, person.password));

    expect(await sessionCount(db.admin, person.id)).toBe(2); // the laptop's and the phone's
    expect((await whoIs(context, laptop))?.id).toBe(person.id);
    expect((await whoIs(context, phone))?.id).toBe(person.id);
    expect(await sessionCount(db.admin, neighbour.id)).toBe(1); // expired, but not theirs to tidy
  });

  it('are looked up for a cookie of up to 256 characters, and never for a longer one', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    // The cookie's value is the user id (36), a dot, then the token: 256 characters in all at most.
    const longest = 'a'.repeat(256 - 37);
    const tooLong = 'b'.repeat(257 - 37);
    await storeSession(person.id, longest);
    await storeSession(person.id, tooLong);

    expect((await whoIs(context, await cookieFor(person.id, longest)))?.id).toBe(person.id);
    expect(await whoIs(context, await cookieFor(person.id, tooLong))).toBeNull();
  });

  it('sign nobody in for an empty, garbled or unknown cookie', async () => {
    const { context } = makeContext(db.handle);
    for (const cookie of [
      '',
      'jobtrack_session=',
      'jobtrack_session=%%%not-base64',
      await cookieFor(randomUUID(), randomUUID()),
      await cookieFor(randomUUID(), 'a'.repeat(64)),
      'other_cookie=x',
    ]) {
      expect(await whoIs(context, cookie), cookie).toBeNull();
    }
  });

  it('are looked up only for a cookie shaped "<user id>.<token>": other shapes name nobody', async () => {
    const { context } = makeContext(db.handle);
    const id = randomUUID();
    for (const value of [
      `${id}0`, // no dot at all
      `not-a-user-id.${'a'.repeat(64)}`,
      `${id}.`, // no token
      `.${'a'.repeat(64)}`, // no user id
    ]) {
      const cookie = (await sessionHeaders(get('/'), value)).get('Set-Cookie')!.split(';')[0]!;
      expect(await sessionClaim(get('/', { cookie }), context), value).toBeNull();
    }
  });

  it('sign nobody in for a cookie without the dot, even when its whole value is a live token', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    // Read without looking for the dot, "<id>0" would be user <id> with the token "<id>0".
    const value = `${person.id}0`;
    await storeSession(person.id, value);
    const cookie = (await sessionHeaders(get('/'), value)).get('Set-Cookie')!.split(';')[0]!;

    expect(await whoIs(context, cookie)).toBeNull();
  });

  it('end with a cookie that is empty and already expired', async () => {
    const header = (await clearedSessionHeaders(get('/'))).get('Set-Cookie')!;

    expect(header).toMatch(/^jobtrack_session=[^;]*;.*Max-Age=0/);
    expect(await createCookie(SESSION_COOKIE).parse(header.split(';')[0]!)).toBe('');
  });

  it('signing out without a session cookie just clears the cookie', async () => {
    const { context } = makeContext(db.handle);

    const headers = await endRequestSession(get('/'), context);

    expect(headers.get('Set-Cookie')).toMatch(/^jobtrack_session=[^;]*;.*Max-Age=0/);
  });
});
