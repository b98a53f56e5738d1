import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listApplications } from '~/applications/queries.server';
import { londonNow } from '~/applications/dates';
import { DEFAULT_LIST_QUERY } from '~/applications/list-query';
import { asPerson } from '../../support/db';
import { setupApplicationsTest } from './fixtures';
import { foldPunctuation, PLAIN, TYPOGRAPHIC } from '#db/search-fold';

const t = setupApplicationsTest();

// Search runs in jobtrack.search_applications as the table's owner, because under row-level
// security a LIKE cannot use an index. It reads search_text, the stored lower-cased copy of every
// searchable field. These hold that function to the rules of the policy, to the index, and to
// ILIKE's matches over each field, with quotes, dashes and whitespace folded (db/search-fold.ts).

async function person() {
  const id = randomUUID();
  await t.db.admin`insert into auth.users (id, email) values (${id}, ${`${id}@example.com`})`;
  return id;
}

describe('search', () => {
  it('reads the column the trigram index holds, as LIKE, which the index serves', async () => {
    const [{ index } = { index: '' }] = await t.db.admin<{ index: string }[]>`
      select pg_get_indexdef('jobtrack.applications_search_idx'::regclass) as index`;
    const [fn] = await t.db.admin<{ body: string }[]>`
      select prosrc as body from pg_proc where proname = 'search_applications'`;

    expect(index).toMatch(/USING gin \(user_id, search_text extensions\.gin_trgm_ops\)$/);
    // The pattern is lower-cased as the column is: together, ILIKE's matches.
    expect(fn!.body).toMatch(/WHERE user_id = \$1 AND search_text LIKE lower\(\$2\)/);
  });

  it('finds what a person typed in any searchable field, in any case', async () => {
    const me = await person();
    await t.db.admin`insert into jobtrack.applications
      (user_id, company, role, location, source, reference, grade, notes) values
      (${me}, 'Café Nero Ltd', 'Barista Supervisor', 'Llandudno', 'Indeed', 'C9174-AB',
       'Band 5', 'Spoke to Siân about the rota')`;
    const search = async (q: string) =>
      (await listApplications(t.context, me, { ...DEFAULT_LIST_QUERY, q }, londonNow())).total;

    for (const q of [
      'café NERO',
      'barista SUPERVISOR',
      'llandudno',
      'INDEED',
      'c9174-ab',
      'band 5',
      'SIân',
    ])
      expect(await search(q), q).toBe(1);
    // Capitals beyond ASCII too, whatever the machine's locale (db/embedded.ts).
    await t.db.admin`insert into jobtrack.applications (user_id, company, role)
      values (${me}, 'ŁÓDŹ ÉCOLE TRUST', 'Teacher')`;
    expect(await search('łódź école')).toBe(1);
    expect(await search('Sheffield')).toBe(0);
    // % and _ are matched as themselves, not as wildcards.
    expect(await search('Caf_')).toBe(0);
  });

  it('reads typographic quotes and dashes as the plain ones a keyboard types, both ways', async () => {
    const me = await person();
    await t.db.admin`insert into jobtrack.applications (user_id, company, role, notes) values
      (${me}, 'St John’s Hospice', 'Nurse – Band 5', 'Ask for Siobhán O’Neill'),
      (${me}, 'Sainsbury''s', 'Night shift - "Team Leader"', null)`;
    const search = async (q: string) =>
      (await listApplications(t.context, me, { ...DEFAULT_LIST_QUERY, q }, londonNow())).rows.map(
        (r) => r.company,
      );

    expect(await search("o'neill")).toEqual(['St John’s Hospice']);
    expect(await search("st john's")).toEqual(['St John’s Hospice']);
    expect(await search('nurse - band')).toEqual(['St John’s Hospice']);
    expect(await search('sainsbury’s')).toEqual(["Sainsbury's"]);
    expect(await search('shift – “team')).toEqual(["Sainsbury's"]);
  });

  it('reads any run of spaces, tabs or line breaks in a field as one space, as guest mode does', async () => {
    const me = await person();
    await t.db.admin`insert into jobtrack.applications (user_id, company, role, notes) values
      (${me}, ${'Leeds\u00a0Teaching  Hospitals'}, ${'Staff Nurse\u00a0– Band 5'},
       ${'Ask about\n\tthe rota'})`;
    const found = async (q: string) =>
      (await listApplications(t.context, me, { ...DEFAULT_LIST_QUERY, q }, londonNow())).total;

    for (const q of ['leeds teaching hospitals', 'nurse - band 5', 'about the rota'])
      expect(await found(q), q).toBe(1);
  });

  it('folds each quote and dash in the database as the browser does', async () => {
    expect([...PLAIN]).toHaveLength([...TYPOGRAPHIC].length);
    const [row] = await t.db.admin<{ folded: string }[]>`
      select translate(${TYPOGRAPHIC}, ${TYPOGRAPHIC}, ${PLAIN}) as folded`;
    expect(row!.folded).toBe(foldPunctuation(TYPOGRAPHIC));
    expect(foldPunctuation(TYPOGRAPHIC)).toBe(PLAIN);
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
      return tx`select * from jobtrack.search_applications(${me}, '%visible%')`;
    });

    expect(found).toHaveLength(0);
  });

  it('answers nothing when the person asked for is not the one signed in', async () => {
    const me = await person();
    const them = await person();
    await t.db.admin`insert into jobtrack.applications (user_id, company, role) values
      (${me}, 'Visible Ltd', 'Mine'), (${them}, 'Visible Ltd', 'Theirs')`;

    const search = (owner: string) =>
      asPerson(
        t.db.admin,
        me,
        (tx) => tx`select id from jobtrack.search_applications(${owner}, '%visible%')`,
      );

    expect(await search(me)).toHaveLength(1);
    // Signed in as me, asking for their rows: the claims and the app's own id must agree.
    expect(await search(them)).toHaveLength(0);
  });
});
