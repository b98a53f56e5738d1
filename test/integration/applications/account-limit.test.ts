import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { MAX_APPLICATIONS } from '~/applications/limits';
import { action } from '~/routes/applications.new';
import { formPost, runAction } from '../../support/http';
import { setupApplicationsTest, validForm } from './fixtures';

const t = setupApplicationsTest();

// Migration 0022: an account holds at most MAX_APPLICATIONS, however they arrive.

/** Gives `userId` `n` applications in one statement. */
async function fill(userId: string, n: number) {
  await t.db.admin`insert into jobtrack.applications (user_id, company, role)
    select ${userId}, 'Filler ' || i, 'Role' from generate_series(1, ${n}::int) as i`;
}

const held = async (userId: string) =>
  Number(
    (
      await t.db.admin<{ n: string }[]>`
        select count(*) as n from jobtrack.applications where user_id = ${userId}`
    )[0]!.n,
  );

describe('applications per account', () => {
  it('holds exactly MAX_APPLICATIONS, and refuses the next one beside the form, keeping it', async () => {
    const me = await t.person();
    await fill(me.id, MAX_APPLICATIONS - 1);
    const add = (company: string) =>
      runAction(
        action,
        formPost('/applications/new', validForm({ company }), { cookie: me.cookie }),
        { context: t.context },
      );

    expect((await add('NHS Band 5 Staff Nurse')).status).toBe(302);
    const refused = await add('HMRC Executive Officer');

    expect(refused.status).toBe(400);
    expect(refused.data.error[''][0]).toBe(
      'Your account already holds 10,000 applications, the most it can. Delete ones you no ' +
        'longer need, then add this one.',
    );
    expect(refused.data.initialValue).toMatchObject({ company: 'HMRC Executive Officer' });
    expect(await held(me.id)).toBe(MAX_APPLICATIONS);
  });

  it('counts each account on its own', async () => {
    const full = await t.person();
    const other = await t.person();
    await fill(full.id, MAX_APPLICATIONS);

    const outcome = await runAction(
      action,
      formPost('/applications/new', validForm(), { cookie: other.cookie }),
      { context: t.context },
    );

    expect(outcome.status).toBe(302);
  });

  it('lets only one of two inserts at once take the last place', async () => {
    const me = await t.person();
    await fill(me.id, MAX_APPLICATIONS - 1);
    await twoTransactions(me.id, async (a, b) => {
      await a`insert into jobtrack.applications (user_id, company, role) values (${me.id}, 'A', 'R')`;
      const second = outcome(
        b`insert into jobtrack.applications (user_id, company, role) values (${me.id}, 'B', 'R')`,
      );
      // b waits for a's lock, then counts a's row once a has committed.
      await waitingOnALock();
      await a`commit`;
      expect(await second).toBe('applications_per_account');
    });
    expect(await held(me.id)).toBe(MAX_APPLICATIONS);
  });

  it.each([
    ['the single claim the app sets', 'sub'],
    ['only the claims object, as PostgREST sets', 'claims'],
  ] as const)(
    'locks before inserting, so two imports of overlapping files never deadlock (%s)',
    async (_, claims) => {
      const me = await t.person();
      const shared = randomUUID();
      const row = (id: string, company: string) =>
        ({ id, user_id: me.id, company, role: 'Staff Nurse (Band 5)' }) as const;
      await twoTransactions(
        me.id,
        async (a, b) => {
          // a's first chunk, then b's, which holds a row a's second chunk also brings.
          await a`insert into jobtrack.applications ${a(row(randomUUID(), 'Leeds'))}`;
          const second = outcome(
            b`insert into jobtrack.applications ${b(row(shared, 'Bradford'))} on conflict do nothing`,
          );
          await waitingOnALock();
          // Had b inserted its row before waiting, this would wait for b, and b for a: a deadlock.
          await a`insert into jobtrack.applications ${a(row(shared, 'Bradford'))} on conflict do nothing`;
          await a`commit`;
          expect(await second).toBe('added');
        },
        claims,
      );
      expect(await held(me.id)).toBe(2);
    },
  );
});

/** Whether `insert` added its rows, or the constraint (or error code) that refused them. */
const outcome = (insert: Promise<unknown>) =>
  insert.then(
    () => 'added',
    (error: { constraint_name?: string; code?: string }) => error.constraint_name ?? error.code,
  );

/** Until some connection to the test's database waits on a lock. */
async function waitingOnALock() {
  for (let tries = 0; tries < 200; tries++) {
    const [row] = await t.db.admin<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no connection came to wait on a lock');
}

/**
 * Runs `work` with two transactions open as `userId` (role authenticated, the claims set as the
 * app sets them, or only the claims object); each is rolled back at the end unless committed.
 */
async function twoTransactions(
  userId: string,
  work: (a: postgres.Sql, b: postgres.Sql) => Promise<void>,
  claims: 'sub' | 'claims' = 'sub',
) {
  const [a, b] = [0, 1].map(() => postgres(t.db.url, { max: 1, onnotice: () => {} })) as [
    postgres.Sql,
    postgres.Sql,
  ];
  try {
    for (const c of [a, b]) {
      await c`begin`;
      await c`select set_config('request.jwt.claims', ${JSON.stringify({ sub: userId, role: 'authenticated' })}, true)`;
      // A fresh connection: without this the single claim is not set at all.
      if (claims === 'sub') await c`select set_config('request.jwt.claim.sub', ${userId}, true)`;
      await c`select set_config('role', 'authenticated', true)`;
    }
    await work(a, b);
  } finally {
    await Promise.all([a`rollback`.catch(() => {}), b`rollback`.catch(() => {})]);
    await Promise.all([a.end(), b.end()]);
  }
}
