import { describe, expect, it } from 'vitest';
import { sha256 } from '~/auth/local/hashing.server';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import {
  confirmedAccount,
  lastEmailTo,
  linkIn,
  newEmail,
  pressContinue,
  quietOutbox,
  signIn,
} from './support';

const db = setupTestDatabase();
quietOutbox();

const WRONG = 'definitely not it';

async function failTimes(context: Parameters<typeof signIn>[0], email: string, times: number) {
  for (let i = 0; i < times; i++) {
    const outcome = await signIn(context, email, WRONG);
    expect(outcome.status).toBe(400);
  }
}

/** The failure count recorded for this email, or null when there is none. */
async function failuresFor(email: string) {
  const [row] = await db.admin<{ failures: number }[]>`
    select failures from jobtrack.sign_in_failures where email_hash = ${await sha256(`sign-in:${email}`)}`;
  return row ? row.failures : null;
}

/** Moves the last failure into the past, as if `seconds` had gone by. */
async function wait(email: string, seconds: number) {
  const hash = await sha256(`sign-in:${email}`);
  await db.admin`update jobtrack.sign_in_failures
    set last_failure_at = last_failure_at - make_interval(secs => ${seconds}) where email_hash = ${hash}`;
}

describe('sign-in lock-out', () => {
  it('after 5 wrong passwords refuses even the right one for a minute, saying how long to wait', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await failTimes(context, person.email, 5);

    const locked = await signIn(context, person.email, person.password);

    expect(locked.status).toBe(429);
    expect(locked.data.error[''][0]).toMatch(/Too many wrong passwords.*wait 1 minute/);
    expect(locked.headers.get('Set-Cookie')).toBeNull();
    // Whole seconds left of the minute (however long this test has taken so far)…
    const retryAfter = Number(locked.headers.get('Retry-After'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // …counting down: half a minute later, at most half a minute is left.
    await wait(person.email, 30);
    const later = await signIn(context, person.email, person.password);
    expect(later.status).toBe(429);
    expect(Number(later.headers.get('Retry-After'))).toBeLessThanOrEqual(30);
  });

  it('lets no more than 5 of many simultaneous guesses be checked', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => signIn(context, person.email, WRONG)),
    );

    const checked = outcomes.filter((o) => o.status === 400).length;
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => o.status === 429)).toHaveLength(7);
  });

  it('allows four wrong passwords without slowing the person down', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await failTimes(context, person.email, 4);

    expect((await signIn(context, person.email, person.password)).status).toBe(302);
  });

  it('doubles the lock-out with each further failure, up to 15 minutes', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await failTimes(context, person.email, 5);
    const expected = ['2 minutes', '4 minutes', '8 minutes', '15 minutes', '15 minutes'];

    for (const words of expected) {
      await wait(person.email, 15 * 60); // sit out the current lock-out
      await failTimes(context, person.email, 1);
      const locked = await signIn(context, person.email, person.password);
      expect(locked.status).toBe(429);
      expect(locked.data.error[''][0]).toContain(`wait ${words}`);
    }
  });

  it('lets the person in once the lock-out has passed, and a success clears the count', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await failTimes(context, person.email, 5);
    await wait(person.email, 61);

    expect((await signIn(context, person.email, person.password)).status).toBe(302);
    const rows = await db.admin`select 1 from jobtrack.sign_in_failures
      where email_hash = ${await sha256(`sign-in:${person.email}`)}`;
    expect(rows).toHaveLength(0);
  });

  it('is cleared by signing in with an emailed link, and by a password reset', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const { action: magicLink } = await import('~/routes/magic-link');
    const { action: forgot } = await import('~/routes/forgot-password');
    const { action: reset } = await import('~/routes/reset-password');
    const { formPost, runAction } = await import('../../support/http');

    await failTimes(context, person.email, 4);
    expect(await failuresFor(person.email)).toBe(4);
    await runAction(magicLink, formPost('/magic-link', { email: person.email }), { context });
    const signInLink = linkIn((await lastEmailTo(db.admin, person.email)).body, '/auth/confirm');
    expect((await pressContinue(context, signInLink)).status).toBe(302);
    expect(await failuresFor(person.email)).toBeNull();

    await failTimes(context, person.email, 4);
    await runAction(forgot, formPost('/forgot-password', { email: person.email }), { context });
    const token = linkIn(
      (await lastEmailTo(db.admin, person.email)).body,
      '/reset-password',
    ).searchParams.get('token')!;
    const password = 'lantern meadow quietly';
    const done = await runAction(reset, formPost('/reset-password', { token, password }), {
      context,
    });
    expect(done.status).toBe(302);
    expect(await failuresFor(person.email)).toBeNull();
  });

  it('forgets failure records once they are a day old, whoever they belong to', async () => {
    const { context } = makeContext(db.handle);
    const [stale, recent] = [
      await sha256(`sign-in:${newEmail()}`),
      await sha256(`sign-in:${newEmail()}`),
    ];
    await db.admin`insert into jobtrack.sign_in_failures (email_hash, failures, last_failure_at)
      values (${stale}, 3, now() - interval '25 hours'), (${recent}, 3, now() - interval '23 hours')`;

    await signIn(context, newEmail(), WRONG);

    const left = await db.admin<{ email_hash: string }[]>`
      select email_hash from jobtrack.sign_in_failures where email_hash in (${stale}, ${recent})`;
    expect(left.map((r) => r.email_hash)).toEqual([recent]);
  });

  it('starts counting again when failures are more than 15 minutes apart', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await failTimes(context, person.email, 4);
    await wait(person.email, 16 * 60);
    await failTimes(context, person.email, 1);

    expect((await signIn(context, person.email, person.password)).status).toBe(302);
  });

  it('locks an email with no account in exactly the same way, so a lock-out reveals nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const nobody = newEmail('nobody');
    await failTimes(context, person.email, 5);
    await failTimes(context, nobody, 5);

    const known = await signIn(context, person.email, WRONG);
    const unknown = await signIn(context, nobody, WRONG);

    expect(known.status).toBe(429);
    expect(unknown.status).toBe(429);
    expect(unknown.data).toEqual({ ...known.data, initialValue: { email: nobody } });
  });

  it('stores only a hash of the email and a count: no email, no IP address', async () => {
    const { context } = makeContext(db.handle);
    const email = newEmail();
    const { action } = await import('~/routes/signin');
    const { formPost, runAction } = await import('../../support/http');
    const request = formPost('/signin', { email, password: WRONG });
    request.headers.set('CF-Connecting-IP', '203.0.113.77');
    request.headers.set('X-Forwarded-For', '203.0.113.77');

    await runAction(action, request, { context });

    const columns = await db.admin<{ column_name: string }[]>`
      select column_name from information_schema.columns
      where table_schema = 'jobtrack' and table_name = 'sign_in_failures' order by ordinal_position`;
    expect(columns.map((c) => c.column_name)).toEqual([
      'email_hash',
      'failures',
      'last_failure_at',
    ]);
    const dump =
      await db.admin`select string_agg(t::text, ' ') as text from jobtrack.sign_in_failures t`;
    expect(dump[0]!.text).not.toContain(email);
    expect(dump[0]!.text).not.toContain('203.0.113.77');
  });
});
