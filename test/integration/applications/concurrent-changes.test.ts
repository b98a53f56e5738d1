import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { action as detailAction } from '~/routes/applications.$id';
import { action as editAction } from '~/routes/applications.$id_.edit';
import { formPost, runAction } from '../../support/http';
import { setupApplicationsTest, validForm } from './fixtures';

// A change reads the status it moves from under a row lock, so the history stays one unbroken
// chain even when another change to the same application is still being saved.

const t = setupApplicationsTest();

/**
 * Starts `change` while another connection holds an uncommitted status change to `id`, waits until
 * PostgreSQL reports a backend blocked on that row, then commits the other change first.
 */
async function whileAnotherChangeIsSaving<T>(id: string, change: () => Promise<T>): Promise<T> {
  const other = postgres(t.db.url, { max: 1, onnotice: () => {} });
  let pending: Promise<T> | undefined;
  try {
    await other.begin(async (tx) => {
      await tx`update jobtrack.applications set status = 'applied' where id = ${id}`;
      await tx`insert into jobtrack.status_changes (application_id, user_id, from_status, to_status)
        select id, user_id, 'saved', 'applied' from jobtrack.applications where id = ${id}`;
      pending = change();
      pending.catch(() => {}); // awaited below; this only keeps an early failure from going unheard
      await waitForABlockedBackend();
    }); // commits: the blocked change goes on from here
    return await pending!;
  } finally {
    await other.end();
  }
}

async function waitForABlockedBackend() {
  for (;;) {
    const [row] = await t.db.admin<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if (row!.n > 0) return;
    await new Promise((done) => setTimeout(done, 20));
  }
}

const chain = async (id: string) =>
  (await t.history(id)).map((h) => `${h.from_status ?? '–'}→${h.to_status}`);

describe('two changes to one application at once', () => {
  it('a status change moves from the status the other change saved', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved' });

    const outcome = await whileAnotherChangeIsSaving(id, () =>
      runAction(
        detailAction,
        formPost(
          `/applications/${id}`,
          { intent: 'status', status: 'offer' },
          { cookie: me.cookie },
        ),
        { params: { id }, context: t.context },
      ),
    );

    expect(outcome.status).toBe(302);
    expect(await chain(id)).toEqual(['–→saved', 'saved→applied', 'applied→offer']);
  });

  it('an edit that changes the status does the same', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved' });

    await whileAnotherChangeIsSaving(id, () =>
      runAction(
        editAction,
        formPost(`/applications/${id}/edit`, validForm({ status: 'rejected' }), {
          cookie: me.cookie,
        }),
        { params: { id }, context: t.context },
      ),
    );

    expect(await chain(id)).toEqual(['–→saved', 'saved→applied', 'applied→rejected']);
  });
});
