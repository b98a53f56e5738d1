import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loader } from '~/routes/account.export';
import { ExportSchema } from '~/portability/format';
import { get, runLoader } from '../../support/http';
import { setupPortabilityTest } from './fixtures';

const t = setupPortabilityTest();

describe('downloading your data', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const outcome = await runLoader(loader, get('/account/export?as=json'), { context: t.context });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=/);
  });

  it('answers 404 for a kind of file it does not make', async () => {
    const me = await t.person();
    const outcome = await runLoader(loader, get('/account/export?as=xml', me), {
      context: t.context,
    });
    expect(outcome.status).toBe(404);
  });

  it('gives JSON in the export format with every field entered, the history and the statements', async () => {
    const me = await t.person();
    const ids = await t.fill(me);
    const outcome = await t.exportJson(me);

    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="jobtrack-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(outcome.headers.get('Cache-Control')).toBe('no-store');
    const doc = ExportSchema.parse(outcome.data);
    expect(doc).toMatchObject({ format: 'jobtrack', version: 1 });
    expect(doc.applications).toHaveLength(2);
    const first = doc.applications.find((a) => a.id === ids.first)!;
    expect(first).toMatchObject({
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'interviewing',
      dateApplied: '2026-01-10',
      closingDate: '2026-02-01',
      closingTime: '23:55',
      mayCloseEarly: true,
      advertUrl: 'https://example.org/jobs/123',
      reference: '383021',
      grade: 'HEO',
      location: 'Leeds',
      source: 'Civil Service Jobs',
      salaryMin: 32000,
      salaryMax: 36000,
      salaryNote: 'pro rata',
      notes: 'Spoke to Sam.\nFollow up next week.',
      followUpOn: '2026-02-14',
    });
    // 14:30 in June is British Summer Time: 13:30 UTC. The id is the event's one-time key.
    expect(first.events).toEqual([
      {
        id: ids.interviewKey,
        kind: 'interview',
        startsAt: '2026-06-10T13:30:00.000Z',
        format: 'video',
        place: 'Civic Hall, Leeds',
        link: 'https://meet.example.org/abc',
        notes: 'Panel of three.\nAsk about hybrid working.',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    const second = doc.applications.find((a) => a.id === ids.second)!;
    expect(second.events).toEqual([
      expect.objectContaining({
        kind: 'other',
        startsAt: '2026-12-01T09:00:00.000Z',
        format: null,
        place: null,
        link: null,
        notes: null,
      }),
    ]);
    expect(doc.settings).toEqual({ ghostAfterWeeks: 6 });
    expect(outcome.text).not.toContain(ids.feedHash);
    expect(outcome.text).not.toMatch(/calendar|token/i);
    expect(first.statusHistory.map((h) => [h.from, h.to, h.on])).toEqual([
      [null, 'applied', '2026-01-10'],
      ['applied', 'interviewing', null],
    ]);
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatchObject({
      id: ids.statement,
      kind: 'supporting',
      personSpec: 'Essential: drafting',
      criteria: [{ text: 'Drafting', category: 'essential', evidence: 'I drafted the policy.' }],
      wordLimit: 750,
      tone: 'warm',
    });
    expect(first.statements[0]!.versions.map((v) => [v.number, v.name, v.text])).toEqual([
      [1, null, 'Draft 1: I drafted the policy.'],
      [2, 'Shorter', 'Draft 2: I drafted the policy.'],
    ]);
    expect(doc.statements).toEqual([
      expect.objectContaining({
        kind: 'cover_letter',
        whyRole: 'Because.',
        experience: 'Ten years of spreadsheets.',
        criteria: [],
      }),
    ]);
  });

  it('holds nothing of anyone else, and no account id, email or session', async () => {
    const me = await t.person();
    const other = await t.person();
    await t.fill(me);
    const [theirs] = await t.seed(other, { company: 'Someone Else plc', notes: 'their secret' });
    const theirKey = randomUUID();
    await t.db.admin`insert into jobtrack.application_events ${t.db.admin({
      application_id: theirs!,
      user_id: other.id,
      kind: 'interview',
      starts_at: new Date('2026-07-01T10:00:00Z'),
      place: 'their interview room',
      notes: 'their interview notes',
      create_key: theirKey,
    })}`;
    await t.db.admin`insert into jobtrack.tracker_settings ${t.db.admin({
      user_id: other.id,
      ghost_after_weeks: 11,
    })}`;
    const doc = ExportSchema.parse((await t.exportJson(me)).data);
    expect(doc.settings).toEqual({ ghostAfterWeeks: 6 });
    const text = JSON.stringify(doc);
    for (const foreign of [
      'Someone Else plc',
      'their secret',
      'their interview',
      theirKey,
      theirs!,
      other.id,
      other.email,
    ]) {
      expect(text).not.toContain(foreign);
    }
    for (const mine of [me.id, me.email, me.cookie.split('=')[1]!])
      expect(text).not.toContain(mine);
  });

  it('gives CSV that opens cleanly in a spreadsheet: BOM, ISO dates, formulas made inert', async () => {
    const me = await t.person();
    await t.fill(me);
    const outcome = await t.exportCsv(me);
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(outcome.headers.get('Content-Disposition')).toMatch(/filename="jobtrack-applications-/);
    const csv = outcome.data as string;
    expect(
      csv.startsWith(
        '\uFEFFCompany,Role,Status,Date applied,Date it reached its status,Closing date,',
      ),
    ).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toMatch(
      // Moved to Interviewing today, undated: the day it reached it is today.
      /^Leeds City Council,Policy Officer,Interviewing,2026-01-10,\d{4}-\d\d-\d\d,2026-02-01,23:55,Yes,383021,HEO,Leeds,32000,36000,pro rata,Civil Service Jobs,https:\/\/example.org\/jobs\/123,"Spoke to Sam.\nFollow up next week.",\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d,[0-9a-f-]{36}$/,
    );
    // A cell starting with = is text, multi-line or not; the role and the notes of the second.
    expect(csv).toContain(`NHS Leeds,"'=HYPERLINK(""x"")",Saved,`);
    expect(csv).toContain(`"'=1+1\nsecond line"`);
    expect(csv).not.toMatch(/(^|,)"?=/m);
  });
});

// Where the export carries each column of a person's data, or why it does not. A column added to
// one of these tables fails the test below until it is exported or its absence is explained here.
const CARRIED: Record<string, Record<string, string | { not: string }>> = {
  applications: {
    id: 'applications.*.id',
    origin_id: 'applications.*.id',
    user_id: { not: 'the account, which the file is not tied to' },
    company: 'applications.*.company',
    role: 'applications.*.role',
    status: 'applications.*.status',
    date_applied: 'applications.*.dateApplied',
    closing_date: 'applications.*.closingDate',
    closing_time: 'applications.*.closingTime',
    may_close_early: 'applications.*.mayCloseEarly',
    advert_url: 'applications.*.advertUrl',
    location: 'applications.*.location',
    salary_min: 'applications.*.salaryMin',
    salary_max: 'applications.*.salaryMax',
    salary_note: 'applications.*.salaryNote',
    source: 'applications.*.source',
    reference: 'applications.*.reference',
    grade: 'applications.*.grade',
    notes: 'applications.*.notes',
    follow_up_on: 'applications.*.followUpOn',
    search_text: { not: 'a lower-cased copy of the searched fields, for the search index' },
    created_at: 'applications.*.createdAt',
    updated_at: 'applications.*.updatedAt',
  },
  status_changes: {
    id: { not: 'a row id; the entries keep their order' },
    application_id: { not: 'the nesting under its application' },
    user_id: { not: 'the account' },
    from_status: 'applications.*.statusHistory.*.from',
    to_status: 'applications.*.statusHistory.*.to',
    changed_at: 'applications.*.statusHistory.*.at',
    occurred_on: 'applications.*.statusHistory.*.on',
    happened_on: {
      not: 'worked out from `on` and `at` (the day it happened), for the log’s index',
    },
    undo: {
      not: 'the application’s dates a one-step move replaced, kept only to undo it (decision 037)',
    },
  },
  application_events: {
    id: { not: 'a row id; the one-time key is the export id' },
    create_key: 'applications.*.events.*.id',
    application_id: { not: 'the nesting under its application' },
    user_id: { not: 'the account' },
    kind: 'applications.*.events.*.kind',
    starts_at: 'applications.*.events.*.startsAt',
    format: 'applications.*.events.*.format',
    place: 'applications.*.events.*.place',
    link: 'applications.*.events.*.link',
    notes: 'applications.*.events.*.notes',
    created_at: 'applications.*.events.*.createdAt',
    updated_at: 'applications.*.events.*.updatedAt',
  },
  tracker_settings: {
    user_id: { not: 'the account' },
    ghost_after_weeks: 'settings.ghostAfterWeeks',
    calendar_token_hash: {
      not: 'a secret that opens the calendar feed; never leaves the database',
    },
    updated_at: { not: 'when a setting last changed, not something the person entered' },
  },
  statements: {
    id: 'applications.*.statements.*.id',
    origin_id: 'applications.*.statements.*.id',
    user_id: { not: 'the account' },
    application_id: { not: 'the nesting under its application' },
    kind: 'applications.*.statements.*.kind',
    job_title: 'applications.*.statements.*.jobTitle',
    employer: 'applications.*.statements.*.employer',
    advert: 'applications.*.statements.*.advert',
    person_spec: 'applications.*.statements.*.personSpec',
    details: 'applications.*.statements.*.criteria',
    word_limit: 'applications.*.statements.*.wordLimit',
    tone: 'applications.*.statements.*.tone',
    create_key: { not: "the add form's one-time key, used only against a doubled submit" },
    created_at: 'applications.*.statements.*.createdAt',
    updated_at: 'applications.*.statements.*.updatedAt',
  },
  statement_versions: {
    id: { not: 'a row id; the number identifies the version' },
    statement_id: { not: 'the nesting under its statement' },
    user_id: { not: 'the account' },
    number: 'applications.*.statements.*.versions.*.number',
    name: 'applications.*.statements.*.versions.*.name',
    text: 'applications.*.statements.*.versions.*.text',
    status: 'applications.*.statements.*.versions.*.status',
    failure: 'applications.*.statements.*.versions.*.failure',
    word_limit: 'applications.*.statements.*.versions.*.wordLimit',
    request_key: { not: "the Generate request's one-time key" },
    stop_requested: { not: 'a flag read only while a draft is being written' },
    edited_at: 'applications.*.statements.*.versions.*.editedAt',
    created_at: 'applications.*.statements.*.versions.*.createdAt',
    updated_at: 'applications.*.statements.*.versions.*.updatedAt',
  },
};

// Tables with a person's id that are not their data to take away: sign-in machinery and limits.
const NOT_DATA = ['local_credentials', 'sessions', 'auth_tokens', 'statement_generations'];

/** Whether `path` (dots, `*` for any element of an array) names a key present in `value`. */
function carries(value: unknown, path: string[]): boolean {
  if (path.length === 0) return true;
  const [key, ...rest] = path;
  if (key === '*') return Array.isArray(value) && value.some((item) => carries(item, rest));
  return (
    typeof value === 'object' &&
    value !== null &&
    key! in value &&
    carries((value as Record<string, unknown>)[key!], rest)
  );
}

describe('what the export carries', () => {
  it('carries every column of a person’s data, or says here why not', async () => {
    const rows = await t.db.admin<{ table: string; column: string }[]>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'jobtrack'
        and table_name in (select table_name from information_schema.columns
                           where table_schema = 'jobtrack' and column_name = 'user_id')
      order by table_name, ordinal_position`;
    const actual: Record<string, string[]> = {};
    for (const { table, column } of rows) {
      if (!NOT_DATA.includes(table)) (actual[table] ??= []).push(column);
    }
    const listed = Object.fromEntries(
      Object.entries(CARRIED).map(([table, columns]) => [table, Object.keys(columns).sort()]),
    );
    expect(
      Object.fromEntries(Object.entries(actual).map(([table, cols]) => [table, cols.sort()])),
    ).toEqual(listed);

    const me = await t.person();
    await t.fill(me);
    const doc = (await t.exportJson(me)).data;
    const missing = Object.entries(CARRIED).flatMap(([table, columns]) =>
      Object.entries(columns)
        .filter(([, where]) => typeof where === 'string' && !carries(doc, where.split('.')))
        .map(([column, where]) => `${table}.${column} → ${String(where)}`),
    );
    expect(missing).toEqual([]);
  });
});
