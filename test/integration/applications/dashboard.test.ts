import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, todayInLondon } from '~/applications/dates';
import { loader } from '~/routes/_index';
import { get, runLoader } from '../../support/http';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const home = (cookie?: string) => runLoader(loader, get('/', { cookie }), { context: t.context });

describe('the home page', () => {
  afterEach(() => vi.useRealTimers());

  it('is the landing page for a visitor who is not signed in', async () => {
    const outcome = await home();
    expect(outcome.status).toBe(200);
    expect(outcome.data).toEqual({ signedIn: false, notice: null });
  });

  it('is an empty dashboard for someone who has not added anything yet', async () => {
    const me = await t.person();
    const outcome = await home(me.cookie);
    expect(outcome.data).toMatchObject({ signedIn: true, total: 0, closingSoon: [] });
    expect(Object.values(outcome.data.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('lists open applications closing from today (in London) to 7 days ahead, soonest first', async () => {
    // 23:30 UTC on 1 July is already 2 July in London: the day the dashboard must count from.
    // Signed in first: the database checks the session against its own clock, not the faked one.
    const me = await t.person();
    const other = await t.person();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-01T23:30:00Z'));
    const today = '2026-07-02';
    const on = (days: number) => addDays(today, days);
    await t.seed(
      me,
      { company: 'Week', closing_date: on(7), status: 'applied' },
      { company: 'Today', closing_date: on(0), status: 'saved' },
      { company: 'Three', closing_date: on(3), status: 'offer' },
      { company: 'Yesterday', closing_date: on(-1), status: 'saved' },
      { company: 'Eight', closing_date: on(8), status: 'saved' },
      { company: 'No date', closing_date: null, status: 'saved' },
    );
    for (const status of ['accepted', 'rejected', 'withdrawn', 'ghosted']) {
      await t.insert(me, {
        company: `Closed ${status}`,
        closing_date: on(2),
        status,
      });
    }
    await t.insert(other, {
      company: 'Someone else',
      closing_date: on(1),
      status: 'saved',
    });

    const outcome = await home(me.cookie);

    expect(outcome.data.today).toBe(today);
    expect(outcome.data.closingSoon.map((r: { company: string }) => r.company)).toEqual([
      'Today',
      'Three',
      'Week',
    ]);
    expect(outcome.data.closingSoon[1]).toMatchObject({
      closingDate: on(3),
      status: 'offer',
      role: 'Analyst',
    });
  });

  it('puts applications closing the same day in company order, and shows at most 50', async () => {
    const me = await t.person();
    const tomorrow = addDays(todayInLondon(), 1);
    await t.seed(
      me,
      { company: 'Cobalt', closing_date: tomorrow },
      { company: 'Acme', closing_date: tomorrow },
      { company: 'Beacon', closing_date: tomorrow },
    );
    const first = await home(me.cookie);
    expect(first.data.closingSoon.map((r: { company: string }) => r.company)).toEqual([
      'Acme',
      'Beacon',
      'Cobalt',
    ]);

    await t.db.admin`insert into jobtrack.applications (user_id, company, role, closing_date)
      select ${me.id}, 'Bulk ' || n, 'Role', ${tomorrow}::date from generate_series(1, 50) n`;
    const many = await home(me.cookie);
    expect(many.data.closingSoon).toHaveLength(50);
    expect(many.data.total).toBe(53);
  });

  it('counts the person’s applications by status', async () => {
    const me = await t.person();
    await t.seed(me, { status: 'applied' }, { status: 'applied' }, { status: 'ghosted' });
    const outcome = await home(me.cookie);
    expect(outcome.data.counts).toMatchObject({ applied: 2, ghosted: 1, saved: 0 });
    expect(outcome.data.total).toBe(3);
  });
});
