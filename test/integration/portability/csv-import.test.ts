import { createCookie } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import { MAX_APPLICATIONS, fitsInAccount } from '~/applications/limits';
import { action } from '~/routes/account.import-csv';
import { MAX_ROWS, previewedAs } from '~/portability/csv-import/schema';
import { runAction } from '../../support/http';
import type { TestUser } from '../../support/users';
import { HUNTR_LIKE, SPREADSHEET, TEAL_LIKE } from '../../fixtures/csv-imports';
import { multipartPost, setupPortabilityTest, slowUpload } from './fixtures';

const t = setupPortabilityTest();

const upload = (me: TestUser, text: string | File, name = 'applications.csv') =>
  runAction(
    action,
    multipartPost(
      {
        intent: 'preview',
        file: typeof text === 'string' ? new File([text], name, { type: 'text/csv' }) : text,
      },
      me,
    ),
    { context: t.context },
  );

/**
 * Posts the preview's mapping form with its "Look again" (`remap`) or "Add" (`confirm`) button;
 * `previewed` is the mapping the preview on screen was made with (unchanged by default).
 */
function send(
  me: TestUser,
  intent: 'remap' | 'confirm',
  csv: string,
  columns: string[],
  dateOrder = 'dmy',
  previewed = previewedAs(columns, dateOrder),
) {
  const fields: Record<string, string> = {
    intent,
    csv,
    fileName: 'applications.csv',
    dateOrder,
    previewed,
    account: me.id,
  };
  columns.forEach((c, i) => (fields[`columns[${i}]`] = c));
  return runAction(action, multipartPost(fields, me), { context: t.context });
}

/** Uploads, then confirms exactly what the preview offered, as the confirm form does. */
async function importFile(me: TestUser, text: string) {
  const preview = (await upload(me, text)).data.preview;
  return send(me, 'confirm', preview.csv, preview.choices, preview.dateOrder);
}

const rowsOf = (n: number, company = (i: number) => `Employer ${i}`) =>
  [
    'Company,Role,Date applied',
    ...Array.from({ length: n }, (_, i) => `${company(i)},Role ${i},01/10/2026`),
  ].join('\n');

describe('importing a spreadsheet', () => {
  it('previews the rows to add and those with problems, and changes nothing until confirmed', async () => {
    const me = await t.person();
    const outcome = await upload(me, SPREADSHEET);
    expect(outcome.status).toBe(200);
    const preview = outcome.data.preview;
    expect(preview).toMatchObject({
      fileName: 'applications.csv',
      rows: 5,
      add: 3,
      held: 0,
      problemCount: 2,
      dateOrder: 'dmy',
      mappingErrors: [],
    });
    expect(preview.sample.map((r: { role: string }) => r.role)).toEqual([
      'Staff Nurse',
      'Executive Officer',
      'Customer Assistant',
    ]);
    expect(preview.sample[0].salary).toBe('£29,970 to £36,483, pro rata');
    // The day each answer will be dated (here, with no column for it, the day applied).
    expect(preview.sample.map((r: { statusOn: string | null }) => r.statusOn)).toEqual([
      '2026-10-27',
      null,
      null,
    ]);
    expect(preview.problems.map((p: { row: number }) => p.row)).toEqual([4, 5]);
    expect((await t.counts(me)).applications).toBe(0);
  });

  it('adds no row past MAX_APPLICATIONS, and keeps the columns chosen when an import is refused', async () => {
    const me = await t.person();
    await t.db.admin`insert into jobtrack.applications (user_id, company, role)
      select ${me.id}, 'Filler ' || i, 'Role' from generate_series(1, ${MAX_APPLICATIONS - 2}::int) as i`;

    // The preview knows first: it says so and offers no "Add" (csv-import/preview.tsx).
    const preview = (await upload(me, rowsOf(3))).data.preview;
    expect(preview).toMatchObject({ add: 3, accountHolds: MAX_APPLICATIONS - 2 });
    // Sent anyway (an old page, a second tab), with a column chosen by hand: the preview comes
    // back with that choice, now saying the rows would not fit.
    const choices = preview.choices.map((c: string, i: number) => (i === 2 ? 'ignore' : c));
    const refused = await send(me, 'confirm', preview.csv, choices, preview.dateOrder);

    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({
      step: 'preview',
      preview: { choices, accountHolds: MAX_APPLICATIONS - 2, notAdded: 'account-full' },
    });
    expect(fitsInAccount(refused.data.preview.accountHolds, refused.data.preview.add)).toBe(false);
    expect((await t.counts(me)).applications).toBe(MAX_APPLICATIONS - 2);
  });

  it('adds the good rows in one go with their history, and a second import adds nothing', async () => {
    const me = await t.person();
    const done = await importFile(me, SPREADSHEET);
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/applications?notice=csv-imported');
    expect(await t.counts(me)).toMatchObject({ applications: 3, history: 4 });
    const [nurse] = await t.db.admin<Array<{ status: string; grade: string; notes: string }>>`
      select status, grade, notes from jobtrack.applications where user_id = ${me.id} and role = 'Staff Nurse'`;
    expect(nurse).toEqual({
      status: 'interviewing',
      grade: 'Band 5',
      notes: 'Interview 14/11 at St James’s, ward 12',
    });

    const again = await upload(me, SPREADSHEET);
    expect(again.data.preview).toMatchObject({ add: 0, held: 3 });
    // Confirming anyway (a doubled submit) adds nothing either.
    await send(me, 'confirm', again.data.preview.csv, again.data.preview.choices);
    expect((await t.counts(me)).applications).toBe(3);
  });

  it('brings back JobTrack’s own CSV export as the same applications, even with a status edited', async () => {
    const me = await t.person();
    await t.fill(me);
    const { applications } = await t.counts(me);
    const csv = (await t.exportCsv(me)).data as string;
    const edited = csv.replace(',Interviewing,', ',Offer,');
    expect(edited).not.toBe(csv);
    for (const text of [csv, edited]) {
      const again = await upload(me, text);
      expect(again.data.preview).toMatchObject({ add: 0, held: applications });
      await send(me, 'confirm', again.data.preview.csv, again.data.preview.choices);
      expect((await t.counts(me)).applications).toBe(applications);
    }
    // Into another account it is new; brought in there twice, it is added once.
    const other = await t.person();
    expect((await importFile(other, csv)).status).toBe(302);
    expect((await upload(other, csv)).data.preview).toMatchObject({ add: 0, held: applications });
    expect((await t.counts(other)).applications).toBe(applications);
  });

  it('imports Huntr-like and Teal-like files, each read with its own columns and date order', async () => {
    const me = await t.person();
    expect((await importFile(me, HUNTR_LIKE)).status).toBe(302);
    const teal = await upload(me, TEAL_LIKE);
    expect(teal.data.preview).toMatchObject({ dateOrder: 'mdy', add: 4, problemCount: 0 });
    await send(me, 'confirm', teal.data.preview.csv, teal.data.preview.choices, 'mdy');
    const rows = await t.db.admin<Array<{ role: string; date_applied: string | null }>>`
      select role, date_applied::text from jobtrack.applications where user_id = ${me.id} order by role`;
    expect(rows).toContainEqual({ role: 'Higher Executive Officer', date_applied: '2026-11-02' });
    expect(rows).toHaveLength(8);
  });

  it('shows a fresh preview instead of adding when the columns or date order changed before "Add"', async () => {
    const me = await t.person();
    const first = (await upload(me, 'Company,Role,Applied\nNHS Leeds,Staff Nurse,03/04/2026\n'))
      .data.preview;
    expect(first.dateOrder).toBe('dmy');
    const shownAs = previewedAs(first.choices, first.dateOrder);
    const changed = await send(me, 'confirm', first.csv, first.choices, 'mdy', shownAs);
    expect(changed.status).toBe(200);
    expect(changed.data.preview).toMatchObject({
      notAdded: 'columns-changed',
      dateOrder: 'mdy',
      add: 1,
    });
    expect(changed.data.preview.sample[0].dateApplied).toBe('2026-03-04');
    expect((await t.counts(me)).applications).toBe(0);
    const column = await send(
      me,
      'confirm',
      first.csv,
      ['company', 'role', 'ignore'],
      'dmy',
      shownAs,
    );
    expect(column.data.preview).toMatchObject({ notAdded: 'columns-changed' });
    expect((await t.counts(me)).applications).toBe(0);
    // "Add" on the fresh preview, nothing changed since: added as now shown.
    expect((await send(me, 'confirm', first.csv, first.choices, 'mdy')).status).toBe(302);
    const [row] = await t.db.admin<Array<{ date_applied: string }>>`
      select date_applied::text from jobtrack.applications where user_id = ${me.id}`;
    expect(row).toEqual({ date_applied: '2026-03-04' });
  });

  it('looks again with the columns the person chose, and asks for a company and role', async () => {
    const me = await t.person();
    const csv = 'Who,What,When\nNHS Leeds,Staff Nurse,27/10/2026\n';
    const first = await upload(me, csv);
    expect(first.status).toBe(400);
    expect(first.data.preview.mappingErrors).toEqual([
      'Choose the column that holds the company',
      'Choose the column that holds the role (job title)',
    ]);
    const again = await send(me, 'remap', first.data.preview.csv, [
      'company',
      'role',
      'dateApplied',
    ]);
    expect(again.status).toBe(200);
    expect(again.data.preview).toMatchObject({ add: 1, mappingErrors: [] });
    expect(again.data.preview.sample[0]).toMatchObject({
      company: 'NHS Leeds',
      dateApplied: '2026-10-27',
    });
    // Confirming with a mapping that cannot work adds nothing and shows the preview again.
    const refused = await send(me, 'confirm', first.data.preview.csv, ['role', 'role', 'ignore']);
    expect(refused.status).toBe(400);
    expect((await t.counts(me)).applications).toBe(0);
  });

  it('changes nothing when the database refuses a row part-way through', async () => {
    const me = await t.person();
    // A trigger that fails the 700th row: past the first chunk of 500, which was already sent.
    await t.db.admin`
      create or replace function jobtrack.refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.company = 'Employer 699' then raise exception 'refused for the test'; end if;
        return new;
      end $$`;
    await t.db.admin`create trigger refuse_boom before insert on jobtrack.applications
      for each row execute function jobtrack.refuse_boom()`;
    try {
      await expect(importFile(me, rowsOf(800))).rejects.toThrow(
        /Failed query: insert into "jobtrack"."applications"/,
      );
    } finally {
      await t.db.admin`drop trigger refuse_boom on jobtrack.applications`;
      await t.db.admin`drop function jobtrack.refuse_boom()`;
    }
    expect(await t.counts(me)).toMatchObject({ applications: 0, history: 0 });
  });

  it('leaves another person’s applications alone, even the same rows', async () => {
    const me = await t.person();
    const other = await t.person();
    await importFile(other, HUNTR_LIKE);
    const before = await t.db.admin`
      select id, status, updated_at from jobtrack.applications where user_id = ${other.id} order by id`;
    const preview = (await upload(me, HUNTR_LIKE)).data.preview;
    expect(preview).toMatchObject({ add: 4, held: 0 });
    await send(me, 'confirm', preview.csv, preview.choices);
    expect((await t.counts(me)).applications).toBe(4);
    expect(
      await t.db
        .admin`select id, status, updated_at from jobtrack.applications where user_id = ${other.id} order by id`,
    ).toEqual(before);
  });

  it(`imports ${MAX_ROWS.toLocaleString('en-GB')} rows and refuses ${(MAX_ROWS + 1).toLocaleString('en-GB')} beside the file field`, async () => {
    const me = await t.person();
    const tooMany = await upload(me, rowsOf(MAX_ROWS + 1));
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.reply.error.file).toEqual([
      expect.stringMatching(/more than 5,000 rows.*Nothing was imported/),
    ]);
    expect(JSON.stringify(tooMany.data)).not.toContain('Employer 1');
    expect((await t.counts(me)).applications).toBe(0);

    expect((await importFile(me, rowsOf(MAX_ROWS))).status).toBe(302);
    expect((await t.counts(me)).applications).toBe(MAX_ROWS);
  }, 120_000);

  it.each([
    ['a quote left open', 'Company,Role\n"NHS Leeds,Nurse\n', /quote mark is not closed/],
    [
      'a file that is not text',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      /not a CSV file/,
    ],
    ['an empty file', '', /The file you chose is empty/],
  ] as const)('refuses %s beside the file field, echoing nothing', async (_, content, message) => {
    const me = await t.person();
    const outcome = await upload(me, new File([content], 'bad.csv'));
    expect(outcome.status).toBe(400);
    expect(outcome.data.reply.error.file).toEqual([expect.stringMatching(message)]);
    expect(JSON.stringify(outcome.data)).not.toContain('NHS Leeds');
  });

  it('asks for a file when none was chosen', async () => {
    const me = await t.person();
    const outcome = await upload(me, new File([], ''));
    expect(outcome.status).toBe(400);
    expect(outcome.data.reply.error.file).toEqual(['Choose the CSV file to import']);
  });

  it('refuses a preview whose text or columns were tampered with', async () => {
    const me = await t.person();
    const noColumns = await send(me, 'confirm', SPREADSHEET, []);
    expect(noColumns.status).toBe(400);
    expect(noColumns.data.reply.error.file[0]).toMatch(/Choose the file again/);
    const wrongCount = await send(me, 'confirm', SPREADSHEET, ['company', 'role']);
    expect(wrongCount.data.reply.error.file[0]).toMatch(/Choose the file again/);
    const unknown = await send(me, 'remap', SPREADSHEET, Array(10).fill('password'));
    expect(unknown.status).toBe(400);
    expect((await t.counts(me)).applications).toBe(0);
  });

  it('refuses at upload a Windows-1252 file that is over 5 MB once decoded, as the confirm would', async () => {
    const me = await t.person();
    const row = new Uint8Array([
      ...Array(1000).fill(0xa3),
      ...new TextEncoder().encode(',Analyst\n'),
    ]);
    const bytes = new Uint8Array(13 + row.length * 3000);
    bytes.set(new TextEncoder().encode('Company,Role\n'));
    for (let i = 0; i < 3000; i++) bytes.set(row, 13 + i * row.length);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const outcome = await upload(me, new File([bytes], 'pounds.csv'));
    expect(outcome.status).toBe(400);
    expect(outcome.data.reply.error.file).toEqual([expect.stringMatching(/larger than 5 MB/)]);
  });

  it('cuts long cells short in the preview’s problems and lists at most 50 status texts', async () => {
    const me = await t.person();
    const long = 'x'.repeat(500);
    const csv = [
      'Company,Role,Status',
      `${long},,Applied`,
      ...Array.from({ length: 60 }, (_, i) => `Employer ${i},Role ${i},Stage ${i} ${long}`),
    ].join('\n');
    const preview = (await upload(me, csv)).data.preview;
    expect(preview.problems[0]).toMatchObject({ row: 2, company: `${'x'.repeat(39)}…` });
    expect(preview.statuses).toHaveLength(50);
    expect(preview.statusCount).toBe(60);
    expect(preview.statuses[0].text).toBe(`Stage 0 ${'x'.repeat(31)}…`);
  });

  it('sends a step whose session has ended, or never was, to sign in before its file is read, adding nothing', async () => {
    const me = await t.person();
    const first = (await upload(me, SPREADSHEET)).data.preview;
    const chosen = [...first.choices];
    await t.db.admin`delete from jobtrack.sessions where user_id = ${me.id}`;
    // A cookie the adapter reads as a claim (Remix's encoding), naming no session the database holds.
    const value = await createCookie('jobtrack_session').serialize(`${me.id}.not-a-session`);
    const madeUp = { ...me, cookie: value.split(';')[0]! };

    for (const who of [me, madeUp]) {
      const steps = [
        ['upload', await upload(who, SPREADSHEET)],
        ['look again', await send(who, 'remap', first.csv, chosen)],
        ['add', await send(who, 'confirm', first.csv, chosen)],
        // Too large to import: still sent to sign in, not read far enough to say so.
        ['upload too large', await upload(who, 'Company,Role\n'.padEnd(6_000_000, 'x'))],
      ] as const;
      for (const [name, outcome] of steps) {
        expect(outcome.status, name).toBe(302);
        expect(outcome.headers.get('Location'), name).toMatch(/^\/signin\?redirectTo=/);
      }
    }
    expect((await t.counts(me)).applications).toBe(0);
  });

  it('adds nothing when another account is signed in by the time of "Add", and shows its own preview', async () => {
    // Another tab signed in as someone else after the preview: the rows go into no account the
    // person was not shown, and the page now shows what this account would get.
    const me = await t.person();
    const other = await t.person();
    const { csv, choices } = (await upload(me, SPREADSHEET)).data.preview;
    const fields: Record<string, string> = {
      intent: 'confirm',
      csv,
      fileName: 'applications.csv',
      dateOrder: 'dmy',
      previewed: previewedAs(choices, 'dmy'),
      account: me.id,
    };
    choices.forEach((c: string, i: number) => (fields[`columns[${i}]`] = c));

    const outcome = await runAction(action, multipartPost(fields, other), { context: t.context });
    expect(outcome.status).toBe(200);
    expect(outcome.data.preview).toMatchObject({
      notAdded: 'account-changed',
      account: { id: other.id, email: other.email },
    });
    expect((await t.counts(me)).applications).toBe(0);
    expect((await t.counts(other)).applications).toBe(0);
    const { account: _account, ...withoutAccount } = fields;
    const unnamed = await runAction(action, multipartPost(withoutAccount, me), {
      context: t.context,
    });
    expect(unnamed.data.preview.notAdded).toBe('account-changed');
    expect((await t.counts(me)).applications).toBe(0);
  });

  it('adds nothing for a session that ended while its file was uploading, and sends the step to sign in', async () => {
    // Confirmed before the body is read, the session is checked again with the reads and the
    // import, so signing out everywhere during a slow upload stops them.
    const me = await t.person();
    const { csv, choices } = (await upload(me, SPREADSHEET)).data.preview;
    const steps: Array<Record<string, string | File>> = [
      { intent: 'preview', file: new File([SPREADSHEET], 'applications.csv') },
      { intent: 'confirm', csv, fileName: 'applications.csv', dateOrder: 'dmy' },
    ];
    for (const fields of steps) {
      const leaving = await t.person();
      if (fields.intent === 'confirm') {
        fields.account = leaving.id;
        fields.previewed = previewedAs(choices, 'dmy');
        choices.forEach((c: string, i: number) => (fields[`columns[${i}]`] = c));
      }
      const request = await slowUpload(
        multipartPost(fields, leaving),
        () => t.db.admin`delete from jobtrack.sessions where user_id = ${leaving.id}`,
      );
      const outcome = await runAction(action, request, { context: t.context });
      expect(outcome.status, String(fields.intent)).toBe(302);
      expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=/);
      expect(request.bodyUsed).toBe(true);
      expect((await t.counts(leaving)).applications).toBe(0);
    }
  });
});
