// Rules about how the local adapter stores accounts, sessions and links: inherently about its own
// tables, so they are not part of the shared suite.
import { describe, expect, it, vi } from 'vitest';
import { sha256 } from '~/auth/hashing.server';
import {
  hashPassword,
  iterationsOf,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from '~/auth/local/password.server';
import { throttleKey, PASSWORD_GUESSES, LINK_EMAILS, SIGN_UP_EMAILS } from '~/auth/limits.server';
import { cookieFrom, formPost, runAction } from '../../../support/http';
import { newClient, newEmail, pages, PASSWORD } from '../behaviours/driver';
import { localHarness } from './harness';

const { harness, db } = localHarness();

const tokenRow = async (raw: string) => {
  const [row] = await db.admin<{ purpose: string; used_at: Date | null; expires_at: Date }[]>`
    select purpose, used_at, expires_at from jobtrack.auth_tokens
    where token_hash = ${await sha256(raw)}`;
  return row;
};
const storedHash = async (userId: string) => {
  const [row] = await db.admin<{ password_hash: string }[]>`
    select password_hash from jobtrack.local_credentials where user_id = ${userId}`;
  return row!.password_hash;
};
const minutesLeft = (row: { expires_at: Date } | undefined) =>
  (row!.expires_at.getTime() - Date.now()) / 60_000;
const sessionCount = async (userId: string) => {
  const [row] = await db.admin<{ n: number }[]>`
    select count(*)::int as n from jobtrack.sessions where user_id = ${userId}`;
  return row!.n;
};
const tableText = async (table: string) => {
  const [row] = await db.admin.unsafe(
    `select coalesce(string_agg(t::text, ' '), '') as text from jobtrack."${table}" t`,
  );
  return String(row!.text);
};

describe('local accounts: what is stored', () => {
  it('stores a PBKDF2 hash of the password (100,000 iterations), never the password', async () => {
    const app = pages(harness, harness.context());
    const email = newEmail();
    await app.signUp(email);

    const [row] = await db.admin<{ password_hash: string }[]>`
      select c.password_hash from auth.users u
      join jobtrack.local_credentials c on c.user_id = u.id where u.email = ${email}`;

    expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(row?.password_hash).not.toContain(PASSWORD);
  });

  it('stores only the SHA-256 of each emailed token: sign-in links last 30 minutes, confirmation and reset links 60', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.askForMagicLink(person.email);
    await app.askForReset(person.email);
    const email = newEmail();
    await app.signUp(email);

    const magic = (await app.linkIn(person.email, 'magiclink', '/auth/confirm')).searchParams;
    const reset = (await app.linkIn(person.email, 'recovery', '/reset-password')).searchParams;
    const confirm = (await app.linkIn(email, 'confirm', '/auth/confirm')).searchParams;

    const magicRow = await tokenRow(magic.get('token_hash')!);
    expect(magicRow?.purpose).toBe('magiclink');
    expect(minutesLeft(magicRow)).toBeGreaterThan(29);
    expect(minutesLeft(magicRow)).toBeLessThanOrEqual(30);
    expect(minutesLeft(await tokenRow(reset.get('token')!))).toBeGreaterThan(59);
    expect(minutesLeft(await tokenRow(confirm.get('token_hash')!))).toBeGreaterThan(59);
    // A stranger who keeps the owner's link allowance full has always sent a link still alive.
    expect(minutesLeft(magicRow) * 60).toBeGreaterThan(LINK_EMAILS.drainSeconds);
    const dump = await tableText('auth_tokens');
    for (const raw of [magic.get('token_hash')!, reset.get('token')!, confirm.get('token_hash')!]) {
      expect(dump).not.toContain(raw);
    }
  });

  it('rehashes a password stored at an older, lower cost on the next right sign-in', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await db.admin`update jobtrack.local_credentials
      set password_hash = ${await hashPassword(person.password, 1_000)} where user_id = ${person.id}`;

    expect((await app.signIn(person.email, 'a wrong one')).status).toBe(400);
    expect(iterationsOf(await storedHash(person.id))).toBe(1_000);
    expect((await app.signIn(person.email, person.password)).status).toBe(302);

    const rehashed = await storedHash(person.id);
    expect(iterationsOf(rehashed)).toBe(PBKDF2_ITERATIONS);
    expect(await verifyPassword(person.password, rehashed)).toBe(true);
  });

  it('leaves a hash at today’s cost as it is on sign-in (no needless full-cost hashing)', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const before = await storedHash(person.id);

    expect((await app.signIn(person.email, person.password)).status).toBe(302);

    expect(await storedHash(person.id)).toBe(before);
  });

  it('keeps the date an address was first confirmed when a later link proves it again', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await db.admin`update auth.users set email_confirmed_at = '2026-01-05T09:00:00Z' where id = ${person.id}`;

    await app.askForMagicLink(person.email);
    const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
    expect((await app.followLink(link)).status).toBe(302);

    const [row] = await db.admin<{ email_confirmed_at: Date }[]>`
      select email_confirmed_at from auth.users where id = ${person.id}`;
    expect(row!.email_confirmed_at.toISOString()).toBe('2026-01-05T09:00:00.000Z');
  });

  it('drops a person’s spent and expired link tokens when it issues a new one, keeping live ones', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount(); // its confirmation token is now spent
    await app.askForMagicLink(person.email);
    const live = (await app.linkIn(person.email, 'magiclink', '/auth/confirm')).searchParams;
    await app.askForReset(person.email);
    const expiring = (await app.linkIn(person.email, 'recovery', '/reset-password')).searchParams;
    await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 minute'
      where token_hash = ${await sha256(expiring.get('token')!)}`;

    await app.askForMagicLink(person.email);

    const rows = await db.admin<{ purpose: string; used_at: Date | null }[]>`
      select purpose, used_at from jobtrack.auth_tokens where user_id = ${person.id}`;
    expect(rows.map((r) => r.purpose).sort()).toEqual(['magiclink', 'magiclink']);
    expect(rows.every((r) => r.used_at === null && r.purpose !== 'recovery')).toBe(true);
    expect(await tokenRow(live.get('token_hash')!)).toBeDefined();
  });

  it('hashes no new password for a made-up or spent reset link', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.askForReset(person.email);
    const link = await app.linkIn(person.email, 'recovery', '/reset-password');
    expect((await app.resetWith(link, 'orchard lamplight tuesday')).status).toBe(302);
    const madeUp = new URL(link);
    madeUp.searchParams.set('token', 'ab'.repeat(32));
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      expect((await app.resetWith(madeUp, 'orchard lamplight wednesday')).status).toBe(400);
      expect((await app.resetWith(link, 'orchard lamplight wednesday')).status).toBe(400);
      expect(derive).not.toHaveBeenCalled();
    } finally {
      derive.mockRestore();
    }
  });

  it('does the same PBKDF2 work for an unknown email as for a wrong password', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      await app.signIn(person.email, 'not the password at all');
      const forKnown = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);
      derive.mockClear();
      await app.signIn(newEmail('nobody'), 'not the password at all');
      const forUnknown = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);

      expect(forKnown).toEqual([100_000]);
      expect(forUnknown).toEqual(forKnown);
    } finally {
      derive.mockRestore();
    }
  });

  it('keeps sessions 30 days in a cookie named jobtrack_session on plain-http localhost', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    const outcome = await app.signIn(person.email, person.password);

    expect(outcome.headers.get('Set-Cookie')).toMatch(/^jobtrack_session=[^;]+; Max-Age=2592000;/);
  });

  it('keeps one session row per device: signing in again in a browser replaces its row', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    expect(await sessionCount(person.id)).toBe(1);

    const again = await app.signIn(person.email, person.password, { cookie: person.cookie });
    await app.signIn(person.email, person.password, { cookie: cookieFrom(again) });

    expect(await sessionCount(person.id)).toBe(1);
  });

  it('a password change leaves exactly one session, the new one', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.signIn(person.email, person.password);
    await app.signIn(person.email, person.password);

    await app.changePassword(person.cookie, person.password, 'orchard lamplight tuesday');

    expect(await sessionCount(person.id)).toBe(1);
  });

  it('confirming without the sign-up password ends any session the account somehow had', async () => {
    const app = pages(harness, harness.context());
    const owner = newEmail('owner');
    await app.signUp(owner, 'attacker chosen secret');
    const [user] = await db.admin<
      { id: string }[]
    >`select id from auth.users where email = ${owner}`;
    // Not reachable through the pages (an unconfirmed account cannot sign in); planted here.
    await db.admin`insert into jobtrack.sessions (token_hash, user_id, expires_at)
      values (${await sha256('planted')}, ${user!.id}, now() + interval '1 day')`;
    const link = await app.linkIn(owner, 'confirm', '/auth/confirm');

    await app.followLink(link, 'without-password');

    expect(await sessionCount(user!.id)).toBe(1);
    const [left] = await db.admin<{ token_hash: string }[]>`
      select token_hash from jobtrack.sessions where user_id = ${user!.id}`;
    expect(left!.token_hash).not.toBe(await sha256('planted'));
    const credentials =
      await db.admin`select 1 from jobtrack.local_credentials where user_id = ${user!.id}`;
    expect(credentials).toEqual([]);
  });

  it('limits store a hash of purpose and email and two numbers: no email, no IP address', async () => {
    const context = harness.context();
    const email = newEmail();
    const { action: signinAction } = await import('~/routes/signin');
    const { action: magicAction } = await import('~/routes/magic-link');

    await runAction(
      signinAction,
      formPost('/signin', { email, password: 'x' }, { client: '203.0.113.77' }),
      { context },
    );
    await runAction(magicAction, formPost('/magic-link', { email }, { client: '203.0.113.77' }), {
      context,
    });
    await context.background.settled();

    const columns = await db.admin<{ column_name: string }[]>`
      select column_name from information_schema.columns
      where table_schema = 'jobtrack' and table_name = 'throttles' order by ordinal_position`;
    expect(columns.map((c) => c.column_name)).toEqual(['key_hash', 'spent', 'updated_at']);
    const keys = await db.admin<{ key_hash: string }[]>`select key_hash from jobtrack.throttles`;
    expect(keys.map((k) => k.key_hash)).toEqual(
      expect.arrayContaining([
        await throttleKey(PASSWORD_GUESSES, email),
        await throttleKey(LINK_EMAILS, email),
      ]),
    );
    const dump = await tableText('throttles');
    expect(dump).not.toContain(email);
    expect(dump).not.toContain('203.0.113.77');
  });

  it('deleting an account leaves no row in the auth schema either, nor any hashed count', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.signIn(person.email, 'a wrong guess', { client: newClient() });
    await app.askForMagicLink(person.email);
    const hashes = [
      await throttleKey(PASSWORD_GUESSES, person.email),
      await throttleKey(LINK_EMAILS, person.email),
      await throttleKey(SIGN_UP_EMAILS, person.email),
    ];

    await app.deleteAccount(person.cookie, person.password);
    await app.context.background.settled();

    const tables = await db.admin<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_schema in ('jobtrack', 'auth') and table_type = 'BASE TABLE'`;
    for (const needle of [person.id, person.email, ...hashes]) {
      for (const { schema, name } of tables) {
        const rows = await db.admin.unsafe(
          `select t::text as row from "${schema}"."${name}" t where t::text ilike '%' || $1 || '%'`,
          [needle],
        );
        expect(rows, `${schema}.${name} mentions ${needle}`).toEqual([]);
      }
    }
  });
});
