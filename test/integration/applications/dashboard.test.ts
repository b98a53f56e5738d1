import { afterEach, describe, expect, it, vi } from 'vitest';
import { DASHBOARD_LIMIT } from '~/applications/dashboard.server';
import { addDays, todayInLondon } from '~/applications/dates';
import { action, loader } from '~/routes/_index';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
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
    expect(outcome.data).toMatchObject({
      signedIn: true,
      total: 0,
      toApply: [],
      missed: [],
      interviewing: [],
      offers: [],
    });
    expect(Object.values(outcome.data.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('lists saved adverts still open to apply for, soonest closing first, and those missed', async () => {
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
      { company: 'Week', closing_date: on(7), status: 'saved' },
      { company: 'Today', closing_date: on(0), status: 'saved' },
      { company: 'Three', closing_date: on(3), status: 'saved', may_close_early: true },
      { company: 'Yesterday', closing_date: on(-1), status: 'saved' },
      { company: 'Last month', closing_date: on(-30), status: 'saved' },
      { company: 'No date', closing_date: null, status: 'saved' },
      { company: 'Applied already', closing_date: on(1), status: 'applied' },
    );
    await t.insert(other, { company: 'Someone else', closing_date: on(1), status: 'saved' });

    const outcome = await home(me.cookie);
    const companies = (rows: Array<{ company: string }>) => rows.map((r) => r.company);

    expect(outcome.data.now.date).toBe(today);
    expect(companies(outcome.data.toApply)).toEqual(['Today', 'Three', 'Week']);
    expect(outcome.data.toApply[1]).toMatchObject({ closingDate: on(3), mayCloseEarly: true });
    // Still open: the three above and the one with no closing date.
    expect(outcome.data.toApplyTotal).toBe(4);
    expect(companies(outcome.data.missed)).toEqual(['Yesterday', 'Last month']);
    expect(outcome.data.missedTotal).toBe(2);
  });

  it('shows what is in progress: applications at interview and offers waiting for an answer', async () => {
    const me = await t.person();
    const other = await t.person();
    await t.seed(
      me,
      { company: 'Interview old', status: 'interviewing', updated_at: '2026-01-01T00:00:00Z' },
      { company: 'Interview new', status: 'interviewing', updated_at: '2026-02-01T00:00:00Z' },
      { company: 'Offer', status: 'offer' },
      { company: 'Accepted', status: 'accepted' },
    );
    await t.insert(other, { company: 'Not mine', status: 'offer' });
    const outcome = await home(me.cookie);
    const companies = (rows: Array<{ company: string }>) => rows.map((r) => r.company);
    expect(companies(outcome.data.interviewing)).toEqual(['Interview new', 'Interview old']);
    expect(companies(outcome.data.offers)).toEqual(['Offer']);
  });

  it(`puts adverts closing the same day in company order, and shows at most ${DASHBOARD_LIMIT}`, async () => {
    const me = await t.person();
    const tomorrow = addDays(todayInLondon(), 1);
    await t.seed(
      me,
      { company: 'Cobalt', closing_date: tomorrow },
      { company: 'Acme', closing_date: tomorrow },
      { company: 'Beacon', closing_date: tomorrow },
    );
    const first = await home(me.cookie);
    expect(first.data.toApply.map((r: { company: string }) => r.company)).toEqual([
      'Acme',
      'Beacon',
      'Cobalt',
    ]);

    await t.db.admin`insert into jobtrack.applications (user_id, company, role, closing_date)
      select ${me.id}, 'Bulk ' || lpad(n::text, 2, '0'), 'Role', ${tomorrow}::date
      from generate_series(1, 50) n`;
    // Added last, so the latest updated of the 54 that close together: company order still puts
    // it first, and the ten shown are the first ten by company, not the ten updated latest.
    await t.seed(me, { company: 'Aardvark', closing_date: tomorrow });
    const many = await home(me.cookie);
    expect(many.data.toApply.map((r: { company: string }) => r.company)).toEqual([
      'Aardvark',
      'Acme',
      'Beacon',
      ...['01', '02', '03', '04', '05', '06', '07'].map((n) => `Bulk ${n}`),
    ]);
    expect(many.data.toApply).toHaveLength(DASHBOARD_LIMIT);
    expect(many.data.toApplyTotal).toBe(54);
    expect(many.data.total).toBe(54);
  });

  it('counts the person’s applications by status', async () => {
    const me = await t.person();
    await t.seed(me, { status: 'applied' }, { status: 'applied' }, { status: 'ghosted' });
    const outcome = await home(me.cookie);
    expect(outcome.data.counts).toMatchObject({ applied: 2, ghosted: 1, saved: 0 });
    expect(outcome.data.total).toBe(3);
  });
});

describe('"Mark as ghosted" on the dashboard', () => {
  it('answers a change it cannot make with 400 and a message for the page, changing nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'applied' });
    const before = await allRows(t.db.admin);
    const outcome = await runAction(
      action,
      formPost('/?index', { intent: 'status', id, status: 'hired' }, { cookie: me.cookie }),
      { context: t.context },
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.error).toEqual({ status: ['Choose a status from the list'] });
    expect(await allRows(t.db.admin)).toEqual(before);
  });
});
