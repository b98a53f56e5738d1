import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '#db/client';
import { freePort } from '#db/ports';
import { RETRY_AFTER_SECONDS } from '~/db.server';
import { addDays, londonNow } from '~/applications/dates';
import { action, loader } from '~/routes/applications._index';
import { makeContext } from '../../support/context';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const list = (search: string, cookie: string) =>
  runLoader(loader, get(`/applications${search}`, { cookie }), { context: t.context });

const names = (outcome: { data: { rows: Array<{ company: string }> } }) =>
  outcome.data.rows.map((r) => r.company);

describe('the applications list', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a signed-out visitor to sign in, keeping the filters for afterwards', async () => {
    const outcome = await list('?status=offer', '');
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(
      '/signin?redirectTo=%2Fapplications%3Fstatus%3Doffer',
    );
  });

  it('shows only the person’s own applications, newest update first, with counts per status', async () => {
    const me = await t.person();
    const other = await t.person();
    await t.seed(
      me,
      { company: 'Old', status: 'applied', updated_at: '2026-01-01T00:00:00Z' },
      { company: 'New', status: 'applied', updated_at: '2026-03-01T00:00:00Z' },
      { company: 'Mid', status: 'offer', updated_at: '2026-02-01T00:00:00Z' },
    );
    await t.insert(other, { company: 'Not mine', status: 'offer' });

    const outcome = await list('', me.cookie);

    expect(outcome.status).toBe(200);
    expect(names(outcome)).toEqual(['New', 'Mid', 'Old']);
    expect(outcome.data.counts).toEqual({
      saved: 0,
      applied: 2,
      interviewing: 0,
      offer: 1,
      accepted: 0,
      rejected: 0,
      withdrawn: 0,
      ghosted: 0,
    });
    expect(outcome.data.total).toBe(3);
    expect(outcome.data.rows[0]).toEqual({
      id: expect.any(String),
      company: 'New',
      role: 'Analyst',
      status: 'applied',
      closingDate: null,
      closingTime: null,
      mayCloseEarly: false,
      grade: null,
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it('filters by status', async () => {
    const me = await t.person();
    await t.seed(me, { company: 'A', status: 'applied' }, { company: 'B', status: 'rejected' });
    const outcome = await list('?status=rejected', me.cookie);
    expect(names(outcome)).toEqual(['B']);
    expect(outcome.data.matching).toBe(1);
    expect(outcome.data.query.status).toBe('rejected');
  });

  it('searches location, source, reference, grade and notes too', async () => {
    const me = await t.person();
    await t.seed(
      me,
      { company: 'A', location: 'Leeds' },
      { company: 'B', source: 'NHS Jobs / Trac' },
      { company: 'C', reference: 'C9174-24-0123' },
      { company: 'D', grade: 'Band 5' },
      { company: 'E', notes: 'Ask Priya about the rota' },
      { company: 'F', role: 'Nurse' },
    );
    const found = async (q: string) =>
      names(await list(`?q=${encodeURIComponent(q)}`, me.cookie)).sort();
    expect(await found('leeds')).toEqual(['A']);
    expect(await found('trac')).toEqual(['B']);
    expect(await found('9174-24')).toEqual(['C']);
    expect(await found('band 5')).toEqual(['D']);
    expect(await found('priya')).toEqual(['E']);
    // A match never runs from one field into the next.
    expect(await found('A Leeds')).toEqual([]);
  });

  it('searches company or role, ignoring case, and counts follow the search', async () => {
    const me = await t.person();
    await t.seed(
      me,
      { company: 'Leeds City Council', role: 'Clerk', status: 'applied' },
      { company: 'Acme', role: 'Leeds Store Manager', status: 'saved' },
      { company: 'Bristol Water', role: 'Engineer', status: 'saved' },
    );

    const outcome = await list('?q=leeds&sort=updated', me.cookie);

    expect(names(outcome).sort()).toEqual(['Acme', 'Leeds City Council']);
    expect(outcome.data.counts).toMatchObject({ applied: 1, saved: 1 });
    expect(outcome.data.matching).toBe(2);
  });

  it('orders, filters, counts and pages a search exactly as the list without one', async () => {
    // Signed in first: the database checks the session against its own clock, not the faked one.
    const me = await t.person();
    // Fixed, so that no run falls either side of a closing time (12:00) or of midnight.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
    const now = londonNow();
    const on = (days: number) => addDays(now.date, days);
    const statuses = ['saved', 'applied', 'interviewing', 'rejected'];
    const rows = [];
    for (let i = 0; i < 64; i++) {
      const n = String(i).padStart(2, '0');
      rows.push({
        // Every row matches; a few others do not and must change nothing.
        company: `NHS Trust ${n}`,
        status: statuses[(i * 7) % 4],
        closing_date: i % 5 === 0 ? null : on(((i * 11) % 17) - 8),
        closing_time: i % 3 === 0 && i % 5 !== 0 ? '12:00' : null,
        date_applied: i % 4 === 0 ? null : on(-((i * 13) % 9)),
        // Pairs share an update time, so ties are broken by id.
        updated_at: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:00:00Z`,
      });
    }
    await t.seed(me, ...rows, { company: 'Civil Service EO', status: 'offer' });

    const pages = async (search: string) => {
      const shown = [];
      for (let page = 1, last = 1; page <= last; page++) {
        const outcome = await list(`${search}&page=${page}`, me.cookie);
        shown.push(...names(outcome));
        last = outcome.data.pages;
      }
      return shown;
    };
    for (const sort of ['updated', 'closing', 'applied'])
      for (const status of ['', 'applied', 'offer']) {
        const filters = `sort=${sort}${status && `&status=${status}`}`;
        const searched = await pages(`?q=trust&${filters}`);
        const all = await pages(`?${filters}`);
        expect(searched, filters).toEqual(all.filter((name) => name.startsWith('NHS Trust')));
        expect(searched, filters).toHaveLength({ '': 64, applied: 16, offer: 0 }[status]!);
      }
    // Counts follow the search, and still come back with an empty page.
    const offers = await list('?q=trust&status=offer', me.cookie);
    expect(offers.data.rows).toEqual([]);
    expect(offers.data.counts).toMatchObject({
      saved: 16,
      applied: 16,
      interviewing: 16,
      offer: 0,
    });
    expect(offers.data.total).toBe(64);
    // A page past the end of a search shows its last page.
    const beyond = await list('?q=trust&page=9', me.cookie);
    const third = await list('?q=trust&page=3', me.cookie);
    expect(beyond.data).toMatchObject({ page: 3, pages: 3, matching: 64 });
    expect(names(beyond)).toEqual(names(third));
    expect(names(third)).toHaveLength(14);
    // A searched row holds what a listed one does, and nothing more (not the counts).
    const plainRow = (await list('?sort=updated', me.cookie)).data.rows[0]!;
    expect(Object.keys(third.data.rows[0]!).sort()).toEqual(Object.keys(plainRow).sort());
  });

  it('treats %, _ and \\ in a search as plain characters', async () => {
    const me = await t.person();
    await t.seed(
      me,
      { company: '100% Remote Ltd' },
      { company: '1000 Remote Ltd' },
      { company: 'Under_Score' },
      { company: 'UnderXScore' },
      { company: 'Back\\slash' },
    );

    expect(names(await list('?q=100%25', me.cookie))).toEqual(['100% Remote Ltd']);
    expect(names(await list('?q=r_s', me.cookie))).toEqual(['Under_Score']);
    expect(names(await list('?q=%5C', me.cookie))).toEqual(['Back\\slash']);
    expect(names(await list('?q=%25', me.cookie))).toEqual(['100% Remote Ltd']);
  });

  it('never matches a search across two fields', async () => {
    const me = await t.person();
    await t.insert(me, { company: 'Acme', role: 'Analyst' });

    expect(names(await list('?q=acme%0Aanalyst', me.cookie))).toEqual([]);
    expect(names(await list('?q=me+an', me.cookie))).toEqual([]);
    expect(names(await list('?q=analyst', me.cookie))).toEqual(['Acme']);
  });

  it('sorts by closing date: open adverts soonest first, then closed ones, then none', async () => {
    const me = await t.person();
    const now = londonNow();
    const on = (days: number) => addDays(now.date, days);
    await t.seed(
      me,
      { company: 'None', closing_date: null },
      { company: 'Closed long ago', closing_date: on(-30) },
      { company: 'Late', closing_date: on(20) },
      { company: 'Closed yesterday', closing_date: on(-1) },
      { company: 'Soon', closing_date: on(2) },
      { company: 'Today, end of day', closing_date: on(0) },
      { company: 'Tomorrow 12:00', closing_date: on(1), closing_time: '12:00' },
      { company: 'Tomorrow, end of day', closing_date: on(1) },
    );
    expect(names(await list('?sort=closing', me.cookie))).toEqual([
      'Today, end of day',
      'Tomorrow 12:00',
      'Tomorrow, end of day',
      'Soon',
      'Late',
      'Closed yesterday',
      'Closed long ago',
      'None',
    ]);
  });

  it('pages through the closing-date order across open, closed and undated adverts, filtered', async () => {
    const me = await t.person();
    const on = (days: number) => addDays(londonNow().date, days);
    const rows = [];
    for (let i = 1; i <= 12; i++) {
      const n = String(i).padStart(2, '0');
      rows.push(
        { company: `Open ${n}`, status: 'saved', closing_date: on(i) },
        { company: `Closed ${n}`, status: 'saved', closing_date: on(-i) },
        {
          company: `Undated ${n}`,
          status: 'saved',
          closing_date: null,
          updated_at: `2026-01-${n}T00:00:00Z`,
        },
        // Another status in every run, which the filter leaves out.
        { company: `Applied ${n}`, status: 'applied', closing_date: on(i % 2 ? i : -i) },
      );
    }
    await t.seed(me, ...rows);

    const second = await list('?sort=closing&status=saved&page=2', me.cookie);

    // Page one held the 12 open, the 12 closed and the latest undated one.
    expect(names(second)).toEqual(
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((i) => `Undated ${String(i).padStart(2, '0')}`),
    );
    const first = await list('?sort=closing&status=saved', me.cookie);
    expect(names(first).slice(10, 15)).toEqual([
      'Open 11',
      'Open 12',
      'Closed 01',
      'Closed 02',
      'Closed 03',
    ]);
    expect(names(first).at(-1)).toBe('Undated 12');
  });

  it('counts an advert closed from its closing time today', async () => {
    const me = await t.person();
    const now = londonNow();
    // A minute ago (or, just after midnight, the very start of the day): closed either way.
    const past = now.time === '00:00' ? '00:00' : minuteBefore(now.time);
    await t.seed(
      me,
      { company: 'Closed earlier today', closing_date: now.date, closing_time: past },
      { company: 'Next week', closing_date: addDays(now.date, 7) },
    );
    expect(names(await list('?sort=closing', me.cookie))).toEqual([
      'Next week',
      'Closed earlier today',
    ]);
  });

  it('sorts by date applied, newest first with no date last', async () => {
    const me = await t.person();
    // Updated and closing in other orders, so only the date applied can give this one.
    await t.seed(
      me,
      {
        company: 'Older',
        date_applied: '2026-01-05',
        updated_at: '2026-03-01T00:00:00Z',
        closing_date: '2026-12-01',
      },
      {
        company: 'None',
        date_applied: null,
        updated_at: '2026-04-01T00:00:00Z',
        closing_date: '2026-12-02',
      },
      {
        company: 'Newer',
        date_applied: '2026-03-05',
        updated_at: '2026-02-01T00:00:00Z',
        closing_date: '2026-12-03',
      },
    );
    expect(names(await list('?sort=applied', me.cookie))).toEqual(['Newer', 'Older', 'None']);
  });

  it('sorts by the latest update when asked, whatever the closing dates', async () => {
    const me = await t.person();
    const on = (days: number) => addDays(londonNow().date, days);
    await t.seed(
      me,
      { company: 'Closes first', closing_date: on(3), updated_at: '2026-01-01T00:00:00Z' },
      { company: 'Closes last', closing_date: on(30), updated_at: '2026-03-01T00:00:00Z' },
      { company: 'No closing date', closing_date: null, updated_at: '2026-02-01T00:00:00Z' },
    );
    expect(names(await list('?sort=updated', me.cookie))).toEqual([
      'Closes last',
      'No closing date',
      'Closes first',
    ]);
  });

  it('breaks ties the same way every time, so paging never repeats or skips a row', async () => {
    const me = await t.person();
    const tie = {
      updated_at: '2026-01-01T00:00:00Z',
      closing_date: '2026-05-01',
      date_applied: '2026-01-01',
    };
    const ids = await t.seed(me, tie, tie, tie, tie);
    const newestFirst = [...ids].sort().reverse();
    for (const sort of ['updated', 'closing', 'applied']) {
      const outcome = await list(`?sort=${sort}`, me.cookie);
      expect(
        outcome.data.rows.map((r: { id: string }) => r.id),
        sort,
      ).toEqual(newestFirst);
    }
  });

  it('sorts by closing date, then by the latest update', async () => {
    const me = await t.person();
    await t.seed(
      me,
      { company: 'Older update', closing_date: '2026-05-01', updated_at: '2026-01-01T00:00:00Z' },
      { company: 'Newer update', closing_date: '2026-05-01', updated_at: '2026-02-01T00:00:00Z' },
    );
    expect(names(await list('?sort=closing', me.cookie))).toEqual(['Newer update', 'Older update']);
  });

  it('pages 25 at a time, keeping order, and clamps a page past the end', async () => {
    const me = await t.person();
    for (let i = 0; i < 30; i++) {
      const day = String(i + 1).padStart(2, '0');
      await t.insert(me, {
        company: `Co ${day}`,
        updated_at: `2026-01-${day}T00:00:00Z`,
      });
    }

    const first = await list('', me.cookie);
    const second = await list('?page=2', me.cookie);
    const beyond = await list('?page=9', me.cookie);

    expect(first.data.rows).toHaveLength(25);
    expect(names(first)[0]).toBe('Co 30');
    expect(names(second)).toEqual(['Co 05', 'Co 04', 'Co 03', 'Co 02', 'Co 01']);
    expect(second.data).toMatchObject({ page: 2, pages: 2, matching: 30, total: 30 });
    expect(beyond.data.page).toBe(2);
    expect(beyond.data.query.page).toBe(2);
    expect(names(beyond)).toEqual(names(second));
  });

  it('falls back to the defaults for nonsense in the URL instead of failing', async () => {
    const me = await t.person();
    await t.insert(me, { company: 'Only' });
    const outcome = await list(
      '?status=%00&sort=drop+table&page=-1&q=' + 'x'.repeat(3000),
      me.cookie,
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data.query).toMatchObject({ status: null, sort: 'updated', page: 1 });
  });

  it('answers a database outage with a calm 503', async () => {
    const me = await t.person();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dead = createDb(`postgres://nobody@127.0.0.1:${await freePort()}/none`);
    const { context } = makeContext(dead);
    const outcome = await runLoader(loader, get('/applications', { cookie: me.cookie }), {
      context,
    });
    expect(outcome.status).toBe(503);
    expect(outcome.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    await dead.close();
  });
});

describe('changing a status from the list', () => {
  const post = (search: string, fields: Record<string, string>, cookie: string, origin?: string) =>
    runAction(action, formPost(`/applications${search}`, fields, { cookie, origin }), {
      context: t.context,
    });

  it('changes the status, records it and returns to the same filtered page', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const sibling = await t.insert(me, { status: 'applied' });

    const outcome = await post(
      '?index&q=acme&status=applied&sort=closing&page=2',
      { intent: 'status', id, status: 'interviewing' },
      me.cookie,
    );

    expect(outcome.status).toBe(302);
    const [change] = await t.db.admin<{ id: string }[]>`
      select id from jobtrack.status_changes where application_id = ${id} and to_status = 'interviewing'`;
    expect(outcome.headers.get('Location')).toBe(
      `/applications?q=acme&status=applied&sort=closing&page=2&notice=status-changed&change=${change!.id}`,
    );
    expect((await t.stored(id))!.status).toBe('interviewing');
    expect((await t.history(id)).map((h) => h.to_status)).toEqual(['applied', 'interviewing']);
    expect((await t.stored(sibling))!.status).toBe('applied');
    expect(await t.history(sibling)).toHaveLength(1);
  });

  it('drops anything but the list filters from the address it returns to', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const outcome = await post(
      '?index&notice=deleted&next=https://evil.example',
      { intent: 'status', id, status: 'offer' },
      me.cookie,
    );
    expect(outcome.headers.get('Location')).toMatch(
      /^\/applications\?notice=status-changed&change=[0-9a-f-]{36}$/,
    );
  });

  it('answers 404 for another person’s application or a malformed id, and changes nothing', async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other, { status: 'applied' });
    await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);

    expect(
      (await post('?index', { intent: 'status', id: theirs, status: 'rejected' }, me.cookie))
        .status,
    ).toBe(404);
    expect(
      (await post('?index', { intent: 'status', id: 'x', status: 'rejected' }, me.cookie)).status,
    ).toBe(404);
    expect((await post('?index', { intent: 'status', status: 'rejected' }, me.cookie)).status).toBe(
      404,
    );
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('answers an unknown status or intent with 400 and changes nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);
    const badStatus = await post('?index', { intent: 'status', id, status: 'hired' }, me.cookie);
    const badIntent = await post('?index', { intent: 'delete', id, status: 'offer' }, me.cookie);
    expect(badStatus.status).toBe(400);
    expect(badStatus.data.error).toEqual({ status: ['Choose a status from the list'] });
    expect(badIntent.status).toBe(400);
    expect(badIntent.data.error).toEqual({
      '': ['That form could not be handled. Please try again.'],
    });
    expect(await allRows(t.db.admin)).toEqual(before);
  });

  it('refuses a change from another site with 403', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);
    const outcome = await post(
      '?index',
      { intent: 'status', id, status: 'offer' },
      me.cookie,
      'https://evil.example',
    );
    expect(outcome.status).toBe(403);
    expect(await allRows(t.db.admin)).toEqual(before);
  });
});

function minuteBefore(time: string) {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m - 1;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
