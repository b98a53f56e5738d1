import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listApplications } from '~/applications/queries.server';
import { londonNow } from '~/applications/dates';
import { DEFAULT_LIST_QUERY } from '~/applications/list-query';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

// Search runs in jobtrack.search_application_ids as the table's owner, because under row-level
// security an ILIKE cannot use an index. These hold that function to the rules of the policy and
// to the index's expression, so a search field added to one and not the other fails here.

async function person() {
  const id = randomUUID();
  await t.db.admin`insert into auth.users (id, email) values (${id}, ${`${id}@example.com`})`;
  return id;
}

describe('search', () => {
  it('searches exactly the expression the trigram index holds', async () => {
    const [{ index } = { index: '' }] = await t.db.admin<{ index: string }[]>`
      select pg_get_indexdef('jobtrack.applications_search_idx'::regclass) as index`;
    const indexed = /gin \(user_id, \((.*)\) extensions\.gin_trgm_ops\)$/.exec(index)?.[1];
    const [fn] = await t.db.admin<{ body: string }[]>`
      select prosrc as body from pg_proc where proname = 'search_application_ids'`;

    // The query the function EXECUTEs, with its parameters filled in.
    const query = /EXECUTE\s+'([\s\S]*?)'\s+USING/
      .exec(fn!.body)![1]!
      .replaceAll("''", "'")
      .replace('$1', "'00000000-0000-0000-0000-000000000000'::uuid")
      .replace('$2', "'%x%'::text");

    // PostgreSQL prints both in its own normal form: the function's query as a view, the index.
    const searched = await t.db.admin.begin(async (tx) => {
      await tx.unsafe(`create temporary view search_body as ${query}`);
      const [view] = await tx<{ def: string }[]>`select pg_get_viewdef('search_body') as def`;
      await tx`drop view search_body`;
      return view!.def;
    });

    expect(indexed).toBeTruthy();
    expect(searched).toContain(indexed);
  });

  it('finds only the signed-in person’s rows, whatever the pattern', async () => {
    const me = await person();
    const them = await person();
    await t.db.admin`insert into jobtrack.applications (user_id, company, role) values
      (${me}, 'Shared Name Ltd', 'Mine'), (${them}, 'Shared Name Ltd', 'Theirs')`;

    const list = await listApplications(
      t.context,
      me,
      { ...DEFAULT_LIST_QUERY, q: 'shared' },
      londonNow(),
    );

    expect(list.rows.map((row) => row.role)).toEqual(['Mine']);
    expect(list.total).toBe(1);
  });

  it('answers nothing to a role that is not signed in', async () => {
    const me = await person();
    await t.db.admin`insert into jobtrack.applications (user_id, company, role)
      values (${me}, 'Visible Ltd', 'Analyst')`;

    const found = await t.db.admin.begin(async (tx) => {
      // Claims without a subject: no one is signed in.
      await tx`select set_config('request.jwt.claims', '{}', true)`;
      await tx`select set_config('role', 'authenticated', true)`;
      return tx`select * from jobtrack.search_application_ids('%visible%')`;
    });

    expect(found).toHaveLength(0);
  });
});
