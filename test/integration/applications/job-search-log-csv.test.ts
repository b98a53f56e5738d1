import { describe, expect, it } from 'vitest';
import { createDb } from '#db/client';
import { loader as csvLoader } from '~/routes/job-search-log[.csv]';
import { loader as pageLoader } from '~/routes/job-search-log';
import { makeContext } from '../../support/context';
import { asPerson } from '../../support/db';
import { get, runLoader } from '../../support/http';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const range = (from: string, to: string) => {
  const [fy, fm, fd] = from.split('-');
  const [ty, tm, td] = to.split('-');
  return `?from.day=${fd}&from.month=${fm}&from.year=${fy}&to.day=${td}&to.month=${tm}&to.year=${ty}`;
};

async function download(cookie: string | undefined, search: string) {
  const response = (await csvLoader({
    request: get(`/job-search-log.csv${search}`, { cookie }),
    params: {},
    context: { ...t.context },
  }).catch((thrown: unknown) => thrown)) as Response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe('the job-search log as CSV', () => {
  it('has the page’s entries for the same dates, formula-safe, as a download', async () => {
    const me = await t.person();
    const [nurse, sneaky] = await t.seed(
      me,
      {
        company: 'Leeds Teaching Hospitals',
        role: 'Staff Nurse (Band 5)',
        source: 'NHS Jobs',
        reference: 'C9-345-26',
      },
      { company: '=HYPERLINK("https://evil.example")', role: '+Analyst', source: '@LinkedIn' },
    );
    await t.db
      .admin`update jobtrack.status_changes set occurred_on = '2026-11-16' where application_id in (${nurse!}, ${sneaky!})`;
    await t.db
      .admin`insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, occurred_on)
      values (${nurse!}, ${me.id}, 'saved', 'applied', '2026-11-18'),
             (${nurse!}, ${me.id}, 'applied', 'interviewing', '2026-12-01')`;
    const other = await t.person();
    await t.seed(other, { company: 'Not mine', role: 'Hidden' });
    const search = range('2026-11-15', '2026-11-28');

    const page = await runLoader(
      pageLoader,
      get(`/job-search-log${search}`, { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    const { response, text } = await download(me.cookie, search);

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="job-search-log-2026-11-15-to-2026-11-28.csv"',
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFDate,What I did,Job,Employer,Where I found it,Reference');
    expect(lines.slice(1)).toHaveLength(page.data.entries.length);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^2026-11-16,Saved the advert,/),
      expect.stringMatching(/^2026-11-16,Saved the advert,/),
      '2026-11-18,Applied,Staff Nurse (Band 5),Leeds Teaching Hospitals,NHS Jobs,C9-345-26',
    ]);
    expect(text).toContain(`"'+Analyst","'=HYPERLINK(""https://evil.example"")","'@LinkedIn"`);
    expect(text).not.toContain('Not mine');
  });

  it('refuses dates the page would refuse, and sends someone signed out to sign in', async () => {
    const me = await t.person();
    const bad = await download(me.cookie, range('2026-11-28', '2026-11-01'));
    expect(bad.response.status).toBe(400);
    expect(bad.text).toMatch(/choose them again/);
    const out = await download(undefined, range('2026-11-01', '2026-11-28'));
    expect(out.response.status).toBe(302);
  });

  it('finds the range through the status_changes_user_day_idx index for an account of 10,000 applications', async () => {
    const me = await t.person();
    const other = await t.person();
    for (const person of [me, other]) {
      await t.db.admin`
        insert into jobtrack.applications (user_id, company, role, status, created_at, updated_at)
        select ${person.id}, 'Employer ' || g, 'Role ' || g, 'applied',
               now() - g * interval '1 hour', now() - g * interval '1 hour'
        from generate_series(1, 10000) g`;
      await t.db.admin`
        insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at, occurred_on)
        select id, user_id, null, 'applied', created_at,
               case when random() < 0.3 then (created_at - interval '2 days')::date end
        from jobtrack.applications where user_id = ${person.id}`;
    }
    await t.db.admin`analyze jobtrack.status_changes`;
    await t.db.admin`analyze jobtrack.applications`;

    // The query exactly as the log page sends it, caught on its way to the database.
    const sent: Array<{ query: string; params: unknown[] }> = [];
    const handle = createDb(t.db.url, {
      debug: (_connection, query, params) => sent.push({ query, params: params as unknown[] }),
    });
    try {
      const { context } = makeContext(handle);
      const page = await runLoader(pageLoader, get('/job-search-log', { cookie: me.cookie }), {
        context,
      });
      expect(page.status).toBe(200);
      expect(page.data.entries.length).toBeGreaterThan(100);
    } finally {
      await handle.close();
    }
    const log = sent.find(
      (s) => s.query.includes('"status_changes"') && s.query.includes('between'),
    );
    expect(log).toBeDefined();
    // Explained as the person, under row-level security as the page runs it: there a range of an
    // expression is tested row by row after the policy, and only a range of a column is read from
    // the index.
    const plan = await asPerson(t.db.admin, me.id, (tx) =>
      tx.unsafe(`explain ${log!.query}`, log!.params as never[]),
    );
    const text = plan.map((row) => Object.values(row)[0]).join('\n');
    expect(text).toMatch(/Index Cond: .*\bhappened_on >= /);
    expect(text).toMatch(/status_changes_user_day_idx/);
  });

  it('holds every entry past the page’s 2,000 (2,001 here), and refuses rather than cut a range over 20,000', async () => {
    const me = await t.person();
    const seed = async (count: number, day: string) => {
      await t.db.admin`
        insert into jobtrack.applications (user_id, company, role, status)
        select ${me.id}, 'Employer ' || g, 'Role ' || g, 'applied' from generate_series(1, ${count}) g`;
      await t.db.admin`
        insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, occurred_on)
        select id, user_id, null, 'applied', ${day}::date from jobtrack.applications
        where user_id = ${me.id} and id not in (select application_id from jobtrack.status_changes)`;
      // As autovacuum would after a bulk load: with the tables' statistics from before it, the
      // planner may take 20,000 rows for one and nest a scan inside a scan past the timeout.
      await t.db.admin`analyze jobtrack.applications, jobtrack.status_changes`;
    };
    await seed(2001, '2026-03-10');
    const search = range('2026-03-01', '2026-03-31');
    const page = await runLoader(
      pageLoader,
      get(`/job-search-log${search}`, { cookie: me.cookie }),
      {
        context: t.context,
      },
    );
    expect(page.data.more).toBe(true);
    const all = await download(me.cookie, search);
    expect(all.response.status).toBe(200);
    expect(all.text.trimEnd().split('\r\n').slice(1)).toHaveLength(2001);

    // An account holds at most 10,000 applications (migration 0022): the rest are later moves.
    await seed(7_999, '2026-03-11');
    await t.db.admin`
      insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, occurred_on)
      select id, user_id, s.from_status::jobtrack.application_status,
        s.to_status::jobtrack.application_status, s.day::date
      from jobtrack.applications,
        (values ('applied', 'interviewing', '2026-03-12'), ('interviewing', 'offer', '2026-03-13'))
          as s(from_status, to_status, day)
      where user_id = ${me.id}`;
    const over = await download(me.cookie, search);
    expect(over.response.status).toBe(400);
    expect(over.text).toMatch(/More than 20,000 actions in these dates: choose fewer days/);
  });
});
