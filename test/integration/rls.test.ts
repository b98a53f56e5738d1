import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, statusChanges } from '#db/schema';
import { asUser } from '~/db.server';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { causedBy } from '../support/errors';

// Row-level security on its own: every query here leaves out `where user_id`, so only the policies
// stand between one person and another's rows. (The queries' own filters are tested on their own
// by the "queries without RLS" project in vitest.config.ts.)

const db = setupTestDatabase();

async function createUser() {
  const id = randomUUID();
  await db.admin`insert into auth.users (id, email) values (${id}, ${`${id}@example.com`})`;
  return id;
}

/** Alice and Bob, each with one application and its first status change. */
async function twoPeople() {
  const [alice, bob] = [await createUser(), await createUser()];
  const ids: Record<string, string> = {};
  for (const [who, company] of [
    [alice, 'Alice Co'],
    [bob, 'Bob Ltd'],
  ] as const) {
    const [row] = await db.admin<{ id: string }[]>`
      insert into jobtrack.applications (user_id, company, role) values (${who}, ${company}, 'Analyst')
      returning id`;
    await db.admin`insert into jobtrack.status_changes (application_id, user_id, to_status)
      values (${row!.id}, ${who}, 'saved')`;
    ids[who] = row!.id;
  }
  return { alice, bob, aliceApp: ids[alice]!, bobApp: ids[bob]! };
}

/** Every row of both tables, as the superuser sees them. */
const everything = async () => ({
  applications: await db.admin`select * from jobtrack.applications order by id`,
  statusChanges: await db.admin`select * from jobtrack.status_changes order by id`,
});

describe('row-level security', () => {
  it('shows a query with no user filter only the signed-in person’s applications and history', async () => {
    const { alice } = await twoPeople();
    const { context } = makeContext(db.handle);

    const [apps, history] = await asUser(context, alice, async (tx) => [
      await tx.select().from(applications),
      await tx.select().from(statusChanges),
    ]);

    expect(apps.map((a) => a.company)).toEqual(['Alice Co']);
    expect(history.map((h) => h.userId)).toEqual([alice]);
  });

  it('lets an update with no user filter change only the person’s own applications', async () => {
    const { alice, aliceApp } = await twoPeople();
    const { context } = makeContext(db.handle);
    const bobsBefore =
      await db.admin`select * from jobtrack.applications where user_id <> ${alice}`;

    const changed = await asUser(context, alice, (tx) =>
      tx.update(applications).set({ company: 'Renamed' }).returning({ id: applications.id }),
    );

    expect(changed).toEqual([{ id: aliceApp }]);
    expect(await db.admin`select * from jobtrack.applications where user_id <> ${alice}`).toEqual(
      bobsBefore,
    );
  });

  it('lets a delete with no user filter remove only the person’s own rows', async () => {
    const { alice, aliceApp } = await twoPeople();
    const { context } = makeContext(db.handle);
    const othersBefore = {
      applications:
        await db.admin`select * from jobtrack.applications where user_id <> ${alice} order by id`,
      statusChanges:
        await db.admin`select * from jobtrack.status_changes where user_id <> ${alice} order by id`,
    };

    const deleted = await asUser(context, alice, async (tx) => [
      await tx.delete(statusChanges).returning({ id: statusChanges.applicationId }),
      await tx.delete(applications).returning({ id: applications.id }),
    ]);

    expect(deleted).toEqual([[{ id: aliceApp }], [{ id: aliceApp }]]);
    expect({
      applications:
        await db.admin`select * from jobtrack.applications where user_id <> ${alice} order by id`,
      statusChanges:
        await db.admin`select * from jobtrack.status_changes where user_id <> ${alice} order by id`,
    }).toEqual(othersBefore);
  });

  it('finds nothing to update or delete when the person names another’s row by id', async () => {
    const { alice, bobApp } = await twoPeople();
    const { context } = makeContext(db.handle);
    const before = await everything();

    const touched = await asUser(context, alice, async (tx) => [
      await tx
        .update(applications)
        .set({ status: 'rejected' })
        .where(eq(applications.id, bobApp))
        .returning(),
      await tx
        .update(statusChanges)
        .set({ toStatus: 'rejected' })
        .where(eq(statusChanges.applicationId, bobApp))
        .returning(),
      await tx.delete(statusChanges).where(eq(statusChanges.applicationId, bobApp)).returning(),
      await tx.delete(applications).where(eq(applications.id, bobApp)).returning(),
    ]);

    expect(touched).toEqual([[], [], [], []]);
    expect(await everything()).toEqual(before);
  });

  it('refuses to write a row owned by someone else, or to give one’s own row away', async () => {
    const { alice, bob, aliceApp, bobApp } = await twoPeople();
    const { context } = makeContext(db.handle);
    const before = await everything();
    const attempts = [
      () =>
        asUser(context, alice, (tx) =>
          tx.insert(applications).values({ userId: bob, company: 'X', role: 'Y' }),
        ),
      () =>
        asUser(context, alice, (tx) =>
          tx.update(applications).set({ userId: bob }).where(eq(applications.id, aliceApp)),
        ),
      () =>
        asUser(context, alice, (tx) =>
          tx
            .insert(statusChanges)
            .values({ applicationId: bobApp, userId: bob, toStatus: 'offer' }),
        ),
      () => asUser(context, alice, (tx) => tx.update(statusChanges).set({ userId: bob })),
    ];

    for (const attempt of attempts) {
      await expect(attempt()).rejects.toSatisfy(causedBy(/row-level security/));
    }
    expect(await everything()).toEqual(before);
  });

  it('shows and changes only the signed-in person’s statements, versions and generation log', async () => {
    const alice = await createUser();
    const bob = await createUser();
    for (const [owner, title] of [
      [alice, 'Alice’s nurse post'],
      [bob, 'Bob’s analyst post'],
    ] as const) {
      const [s] = await db.admin<{ id: string }[]>`
        insert into jobtrack.statements (user_id, kind, job_title, word_limit, tone, create_key)
        values (${owner}, 'supporting', ${title}, 500, 'professional', ${randomUUID()}) returning id`;
      await db.admin`insert into jobtrack.statement_versions (statement_id, user_id, number, text, word_limit, request_key)
        values (${s!.id}, ${owner}, 1, ${`Draft for ${title}`}, 500, ${randomUUID()})`;
      await db.admin`insert into jobtrack.statement_generations (user_id) values (${owner})`;
    }
    const { context } = makeContext(db.handle);

    const seen = await asUser(context, alice, async (tx) => ({
      statements: (await tx.execute(sql`select job_title from jobtrack.statements`)).map(
        (r) => r.job_title,
      ),
      versions: (await tx.execute(sql`select text from jobtrack.statement_versions`)).map(
        (r) => r.text,
      ),
      log: (await tx.execute(sql`select user_id from jobtrack.statement_generations`)).map(
        (r) => r.user_id,
      ),
      changed: (
        await tx.execute(sql`update jobtrack.statement_versions set text = 'x' returning id`)
      ).length,
      deleted: (await tx.execute(sql`delete from jobtrack.statement_generations returning id`))
        .length,
    }));

    expect(seen.statements).toEqual(['Alice’s nurse post']);
    expect(seen.versions).toEqual(['Draft for Alice’s nurse post']);
    expect(seen.log).toEqual([alice]);
    // Alice's one generation is recent, so it still counts and cannot be deleted (see below).
    expect([seen.changed, seen.deleted]).toEqual([1, 0]);
    const [bobs] =
      await db.admin`select text from jobtrack.statement_versions where user_id = ${bob}`;
    expect(bobs!.text).toBe('Draft for Bob’s analyst post');
  });

  it('keeps a person’s record of generations: they cannot change it, nor delete a generation that still counts, nor backdate a new one', async () => {
    const alice = await createUser();
    await db.admin`insert into jobtrack.statement_generations (user_id, created_at)
      values (${alice}, now() - interval '2 hours'), (${alice}, now() - interval '25 hours')`;
    const { context } = makeContext(db.handle);

    const pruned = await asUser(context, alice, (tx) =>
      tx.execute(sql`delete from jobtrack.statement_generations returning created_at`),
    );
    expect(pruned).toHaveLength(1); // only the one over a day old
    await expect(
      asUser(context, alice, (tx) =>
        tx.execute(
          sql`update jobtrack.statement_generations set created_at = now() - interval '2 days'`,
        ),
      ),
    ).rejects.toSatisfy(causedBy(/permission denied/));
    await expect(
      asUser(context, alice, (tx) =>
        tx.execute(sql`insert into jobtrack.statement_generations (user_id, created_at)
          values (${alice}, now() - interval '2 days')`),
      ),
    ).rejects.toSatisfy(causedBy(/row-level security/));
    const left =
      await db.admin`select 1 from jobtrack.statement_generations where user_id = ${alice}`;
    expect(left).toHaveLength(1);
  });

  it('refuses a statement linked to another person’s application, and a version filed under another person’s statement', async () => {
    const { alice, bob, bobApp } = await twoPeople();
    const [bobs] = await db.admin<{ id: string }[]>`
      insert into jobtrack.statements (user_id, kind, job_title, word_limit, tone, create_key)
      values (${bob}, 'supporting', 'Bob’s post', 500, 'professional', ${randomUUID()}) returning id`;
    const { context } = makeContext(db.handle);

    await expect(
      asUser(context, alice, (tx) =>
        tx.execute(sql`insert into jobtrack.statements (user_id, application_id, kind, word_limit, tone, create_key)
          values (${alice}, ${bobApp}, 'supporting', 500, 'professional', ${randomUUID()})`),
      ),
    ).rejects.toSatisfy(causedBy(/statements_application_owner_fk/));
    await expect(
      asUser(context, alice, (tx) =>
        tx.execute(sql`insert into jobtrack.statement_versions (statement_id, user_id, number, word_limit, request_key)
          values (${bobs!.id}, ${alice}, 1, 500, ${randomUUID()})`),
      ),
    ).rejects.toSatisfy(causedBy(/statement_versions_statement_owner_fk/));
    const versions =
      await db.admin`select 1 from jobtrack.statement_versions where statement_id = ${bobs!.id}`;
    expect(versions).toHaveLength(0);
  });

  it('unlinks a statement from its application when the application is deleted, keeping the statement', async () => {
    const { alice, aliceApp } = await twoPeople();
    const [mine] = await db.admin<{ id: string }[]>`
      insert into jobtrack.statements (user_id, application_id, kind, word_limit, tone, create_key)
      values (${alice}, ${aliceApp}, 'supporting', 500, 'professional', ${randomUUID()}) returning id`;
    const { context } = makeContext(db.handle);

    await asUser(context, alice, (tx) =>
      tx.delete(applications).where(eq(applications.id, aliceApp)),
    );

    const [kept] =
      await db.admin`select user_id, application_id from jobtrack.statements where id = ${mine!.id}`;
    expect(kept).toEqual({ user_id: alice, application_id: null });
  });

  it('cannot read the local-auth tables at all', async () => {
    const alice = await createUser();
    const { context } = makeContext(db.handle);

    for (const table of [
      'sessions',
      'local_credentials',
      'auth_tokens',
      'throttles',
      'dev_outbox',
    ]) {
      await expect(
        asUser(context, alice, (tx) => tx.execute(sql.raw(`select * from jobtrack.${table}`))),
        table,
      ).rejects.toSatisfy(causedBy(/permission denied/));
    }
  });

  it('lets a status history row point only at the person’s own application, even as authenticated', async () => {
    const alice = await createUser();
    const bob = await createUser();
    const [bobs] = await db.admin<{ id: string }[]>`
      insert into jobtrack.applications (user_id, company, role) values (${bob}, 'Bob Ltd', 'Engineer')
      returning id`;
    const [alices] = await db.admin<{ id: string }[]>`
      insert into jobtrack.applications (user_id, company, role) values (${alice}, 'Alice Co', 'Analyst')
      returning id`;
    const { context } = makeContext(db.handle);
    const addHistory = (applicationId: string) =>
      asUser(context, alice, (tx) =>
        tx.insert(statusChanges).values({ applicationId, userId: alice, toStatus: 'applied' }),
      );

    // Her own user_id passes row-level security; Bob's application id must still be refused.
    await expect(addHistory(bobs!.id)).rejects.toSatisfy(
      causedBy(/status_changes_application_owner_fk/),
    );
    await addHistory(alices!.id);

    const rows = await db.admin<{ application_id: string }[]>`
      select application_id from jobtrack.status_changes where user_id = ${alice}`;
    expect(rows.map((row) => row.application_id)).toEqual([alices!.id]);
  });
});

describe('functions that run as the tables’ owner', () => {
  // A SECURITY DEFINER function skips row-level security, so each one that visitors may call
  // must limit what it answers itself: search_applications answers nothing unless the owner asked
  // about is auth.uid(), calendar_feed_owner only whose feed a secret's hash opens. A new one
  // fails this test until it has been reviewed and added here.
  it('lets signed-in people call only the search and the calendar feed’s lookup, and visitors none', async () => {
    const callable = (role: string) => db.admin<{ name: string }[]>`
      select p.oid::regprocedure::text as name from pg_proc p
      where p.prosecdef and has_function_privilege(${role}, p.oid, 'EXECUTE')
        and p.pronamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
      order by 1`;
    expect((await callable('authenticated')).map((r) => r.name)).toEqual([
      'jobtrack.calendar_feed_owner(text)',
      'jobtrack.search_applications(uuid,text)',
    ]);
    expect(await callable('anon')).toEqual([]);
  });
});
