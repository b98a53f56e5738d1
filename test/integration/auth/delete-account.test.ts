import type { AppLoadContext } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import { action, loader } from '~/routes/account.delete';
import { sha256 } from '~/auth/local/hashing.server';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { confirmedAccount, quietOutbox, signIn } from './support';

const db = setupTestDatabase();
quietOutbox();

function deleteAccount(context: AppLoadContext, cookie: string, password: string, origin?: string) {
  return runAction(action, formPost('/account/delete', { password }, { cookie, origin }), {
    context,
  });
}

/** Every row in schemas jobtrack and auth whose text mentions `needle`, as "table: row". */
async function rowsMentioning(needle: string) {
  const tables = await db.admin<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ('jobtrack', 'auth') and table_type = 'BASE TABLE'`;
  expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(
    expect.arrayContaining([
      'auth.users',
      'jobtrack.applications',
      'jobtrack.sessions',
      'jobtrack.dev_outbox',
      'jobtrack.statements',
      'jobtrack.statement_versions',
      'jobtrack.statement_generations',
    ]),
  );
  const found: string[] = [];
  for (const { schema, name } of tables) {
    const rows = await db.admin.unsafe(
      `select t::text as row from "${schema}"."${name}" t where t::text ilike '%' || $1 || '%'`,
      [needle],
    );
    for (const { row } of rows) found.push(`${schema}.${name}: ${row}`);
  }
  return found;
}

/** Gives the person the kinds of rows a real account builds up. */
async function fillAccount(userId: string, email: string, context: AppLoadContext) {
  const [app] = await db.admin<{ id: string }[]>`
    insert into jobtrack.applications (user_id, company, role, status)
    values (${userId}, 'Acme Ltd', 'Analyst', 'applied') returning id`;
  await db.admin`insert into jobtrack.status_changes (application_id, user_id, to_status)
    values (${app!.id}, ${userId}, 'applied')`;
  // The Statement Builder's rows: a statement (its inputs), a version (a draft), a generation.
  const [statement] = await db.admin<{ id: string }[]>`
    insert into jobtrack.statements (user_id, kind, job_title, word_limit, tone, create_key, application_id)
    values (${userId}, 'supporting', 'Staff Nurse', 500, 'professional', gen_random_uuid(), ${app!.id})
    returning id`;
  await db.admin`insert into jobtrack.statement_versions (statement_id, user_id, number, text, word_limit, request_key)
    values (${statement!.id}, ${userId}, 1, 'I cared for six patients.', 500, gen_random_uuid())`;
  await db.admin`insert into jobtrack.statement_generations (user_id) values (${userId})`;
  await signIn(context, email, 'a wrong guess'); // a sign-in failure record
  const { action: magic } = await import('~/routes/magic-link');
  await runAction(magic, formPost('/magic-link', { email }), { context }); // a token and an email
}

describe('delete account', () => {
  it('shows the page only to a signed-in person', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);

    expect(
      (await runLoader(loader, get('/account/delete', { cookie: person.cookie }), { context }))
        .data,
    ).toEqual({
      email: person.email,
    });
    expect((await runLoader(loader, get('/account/delete'), { context })).status).toBe(302);
  });

  it('removes every row of the person in schemas jobtrack and auth, and nobody else’s', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const neighbour = await confirmedAccount(db, context);
    await fillAccount(person.id, person.email, context);
    await fillAccount(neighbour.id, neighbour.email, context);
    const emailHash = await sha256(`sign-in:${person.email}`);
    expect((await rowsMentioning(person.id)).length).toBeGreaterThanOrEqual(9);
    expect(await rowsMentioning(emailHash)).toHaveLength(1);

    const outcome = await deleteAccount(context, person.cookie, person.password);

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/?notice=account-deleted');
    expect(outcome.headers.get('Set-Cookie')).toMatch(/^jobtrack_session=; Max-Age=0/);
    expect(await rowsMentioning(person.id)).toEqual([]);
    expect(await rowsMentioning(person.email)).toEqual([]);
    expect(await rowsMentioning(emailHash)).toEqual([]);
    expect((await rowsMentioning(neighbour.id)).length).toBeGreaterThanOrEqual(9);
    expect((await signIn(context, person.email, person.password)).status).toBe(400);
  });

  it('refuses a wrong password beside the field and deletes nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await fillAccount(person.id, person.email, context);
    // Only the failure count may change: it is what stops guessing.
    const before = await allRows(db.admin, ['jobtrack.sign_in_failures']);

    const outcome = await deleteAccount(context, person.cookie, 'not my password');

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.password).toEqual(['Your password is wrong']);
    expect(JSON.stringify(outcome.data)).not.toContain('not my password');
    expect(await allRows(db.admin, ['jobtrack.sign_in_failures'])).toEqual(before);
  });

  it('answers a missing password with 400 and deletes nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const before = await allRows(db.admin);

    const outcome = await deleteAccount(context, person.cookie, '');

    expect(outcome.status).toBe(400);
    expect(outcome.data.error.password).toEqual(['Enter your password']);
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('locks out guessing like sign-in does: after 5 wrong passwords even the right one waits', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    for (let i = 0; i < 5; i++) {
      expect((await deleteAccount(context, person.cookie, `guess ${i}`)).status).toBe(400);
    }
    const before = await allRows(db.admin);

    const outcome = await deleteAccount(context, person.cookie, person.password);

    expect(outcome.status).toBe(429);
    expect(outcome.data.error['']).toEqual([
      'Too many wrong passwords. Please wait 1 minute and try again.',
    ]);
    const retryAfter = Number(outcome.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.stringify(outcome.data)).not.toContain(person.password);
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('refuses a POST from another site (403) and deletes nothing', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    await fillAccount(person.id, person.email, context);
    const before = await allRows(db.admin);

    const outcome = await deleteAccount(
      context,
      person.cookie,
      person.password,
      'https://evil.example',
    );

    expect(outcome.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
  });
});
