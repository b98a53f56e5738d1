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
    const [a, b] = [0, 1].map(() => postgres(t.db.url, { max: 1, onnotice: () => {} })) as [
      postgres.Sql,
      postgres.Sql,
    ];
    try {
      await a`begin`;
      await b`begin`;
      await a`insert into jobtrack.applications (user_id, company, role) values (${me.id}, 'A', 'R')`;
      // b's check waits for a's lock, then counts a's row once a has committed.
      const second = b`insert into jobtrack.applications (user_id, company, role)
        values (${me.id}, 'B', 'R')`.then(
        () => 'added',
        (error: { constraint_name?: string }) => error.constraint_name,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await a`commit`;
      expect(await second).toBe('applications_per_account');
      await b`rollback`;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect(await held(me.id)).toBe(MAX_APPLICATIONS);
  });
});
