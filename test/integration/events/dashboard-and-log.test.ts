import { afterEach, describe, expect, it, vi } from 'vitest';
import { action as dashboardAction, loader as dashboardLoader } from '~/routes/_index';
import { action as settingsAction } from '~/routes/account.calendar';
import { loader as logLoader } from '~/routes/job-search-log';
import { logRows } from '~/job-search-log/rows';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { setupApplicationsTest } from '../applications/fixtures';

const t = setupApplicationsTest();

const event = (
  owner: { id: string },
  applicationId: string,
  startsAt: string,
  kind = 'interview',
) =>
  t.db
    .admin`insert into jobtrack.application_events (application_id, user_id, kind, starts_at, create_key)
    values (${applicationId}, ${owner.id}, ${kind}, ${startsAt}, gen_random_uuid())`;

const home = (cookie: string) =>
  runLoader(dashboardLoader, get('/', { cookie }), { context: t.context });

describe('the dashboard', () => {
  afterEach(() => vi.useRealTimers());

  it("lists this week's interviews and dates, from the start of today (London) for seven days", async () => {
    // Signed in at the real time (the database checks the session against its own clock), then
    // the Worker's clock is set: 23:30 UTC on 24 Oct is 00:30 on 25 Oct in London (summer time,
    // the night the clocks go back).
    const me = await t.person();
    const other = await t.person();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-24T23:30:00Z'));
    const id = await t.insert(me, { company: 'Mine', status: 'interviewing' });
    await event(me, id, '2026-10-24T22:59:00Z'); // 23:59 on the 24th in London: yesterday
    await event(me, id, '2026-10-24T23:10:00Z', 'phone_screen'); // 00:10 today
    await event(me, id, '2026-10-31T23:59:00Z', 'assessment_centre'); // 23:59 on the 31st: day seven
    await event(me, id, '2026-11-01T00:00:00Z', 'offer_deadline'); // 1 Nov: next week
    const theirs = await t.insert(other, { company: 'Theirs' });
    await event(other, theirs, '2026-10-26T10:00:00Z');
    const outcome = await home(me.cookie);
    expect(outcome.data.thisWeek.map((e: { kind: string }) => e.kind)).toEqual([
      'phone_screen',
      'assessment_centre',
    ]);
    expect(outcome.data.thisWeek[0]).toMatchObject({ company: 'Mine', applicationId: id });
  });

  it('lists follow-ups due on or before today for applications still waiting, oldest first', async () => {
    const me = await t.person();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    await t.seed(
      me,
      { company: 'Due today', status: 'applied' },
      { company: 'Overdue', status: 'interviewing' },
      { company: 'Tomorrow', status: 'applied' },
      { company: 'Rejected', status: 'rejected' },
    );
    await t.db.admin`update jobtrack.applications set follow_up_on = case company
      when 'Due today' then date '2026-11-28' when 'Overdue' then date '2026-11-20'
      when 'Tomorrow' then date '2026-11-29' else date '2026-11-01' end
      where user_id = ${me.id}`;
    const outcome = await home(me.cookie);
    expect(outcome.data.followUpsDue.map((r: { company: string }) => r.company)).toEqual([
      'Overdue',
      'Due today',
    ]);
  });

  it("suggests Ghosted after the person's number of weeks at Applied, and marks it in one press", async () => {
    const me = await t.person();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    const [fourWeeks, threeWeeks, , twoWeeks] = await t.seed(
      me,
      { company: 'Four weeks', status: 'applied', date_applied: '2026-10-31' },
      { company: 'Three weeks', status: 'applied', date_applied: '2026-11-07' },
      { company: 'Interviewing', status: 'interviewing', date_applied: '2026-09-01' },
      { company: 'Two weeks', status: 'applied', date_applied: '2026-11-14' },
    );
    const companies = async () =>
      (await home(me.cookie)).data.ghostSuggestions.map((r: { company: string }) => r.company);
    expect(await companies()).toEqual(['Four weeks']);

    const saved = await runAction(
      settingsAction,
      formPost(
        '/account/calendar',
        { intent: 'ghost-weeks', ghostAfterWeeks: '3' },
        { cookie: me.cookie },
      ),
      { context: t.context },
    );
    expect(saved.status).toBe(302);
    expect(await companies()).toEqual(['Four weeks', 'Three weeks']);
    const refused = await runAction(
      settingsAction,
      formPost(
        '/account/calendar',
        { intent: 'ghost-weeks', ghostAfterWeeks: '0' },
        { cookie: me.cookie },
      ),
      { context: t.context },
    );
    expect(refused.status).toBe(400);
    expect(refused.data.initialValue.ghostAfterWeeks).toBe('0');

    const marked = await runAction(
      dashboardAction,
      formPost(
        '/?index',
        { intent: 'status', id: fourWeeks!, status: 'ghosted' },
        { cookie: me.cookie },
      ),
      { context: t.context },
    );
    expect(marked.status).toBe(302);
    expect((await t.stored(fourWeeks!))?.status).toBe('ghosted');
    expect((await t.history(fourWeeks!)).at(-1)).toMatchObject({
      from_status: 'applied',
      to_status: 'ghosted',
    });
    expect(await companies()).toEqual(['Three weeks']);
    expect((await t.stored(threeWeeks!))?.status).toBe('applied');
    expect((await t.stored(twoWeeks!))?.status).toBe('applied');
  });

  it('suggests Ghosted only for an application that has heard nothing: no recent or coming event, no follow-up ahead', async () => {
    const me = await t.person();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    const [phoneScreen, oldScreen, recentScreen, chasing] = await t.seed(
      me,
      { company: 'Phone screen next week', status: 'applied', date_applied: '2026-10-05' },
      { company: 'Screened 7 weeks ago', status: 'applied', date_applied: '2026-10-01' },
      { company: 'Screened 2 weeks ago', status: 'applied', date_applied: '2026-10-01' },
      { company: 'Follow-up ahead', status: 'applied', date_applied: '2026-10-01' },
      { company: 'Silent', status: 'applied', date_applied: '2026-10-20' },
    );
    const screen = (applicationId: string, startsAt: string) =>
      t.db
        .admin`insert into jobtrack.application_events (user_id, application_id, kind, starts_at, format, create_key)
        values (${me.id}, ${applicationId}, 'phone_screen', ${startsAt}, 'phone', gen_random_uuid())`;
    await screen(phoneScreen!, '2026-12-03T14:00:00Z');
    await screen(oldScreen!, '2026-10-10T09:00:00Z');
    await screen(recentScreen!, '2026-11-14T09:00:00Z');
    await t.db
      .admin`update jobtrack.applications set follow_up_on = '2026-12-07' where id = ${chasing!}`;
    const suggested = (await home(me.cookie)).data.ghostSuggestions.map(
      (r: { company: string }) => r.company,
    );
    expect(suggested).toEqual(['Screened 7 weeks ago', 'Silent']);
  });

  it("cannot mark another person's application as ghosted", async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other, { status: 'applied' });
    const outcome = await runAction(
      dashboardAction,
      formPost(
        '/?index',
        { intent: 'status', id: theirs, status: 'ghosted' },
        { cookie: me.cookie },
      ),
      { context: t.context },
    );
    expect(outcome.status).toBe(404);
    expect((await t.stored(theirs))?.status).toBe('applied');
  });
});

describe('the job-search log', () => {
  it('lists interviews and follow-up dates in the range with the status moves, by day', async () => {
    const me = await t.person();
    const id = await t.insert(me, {
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'applied',
      date_applied: '2026-11-02',
    });
    await t.db
      .admin`update jobtrack.status_changes set occurred_on = '2026-11-02' where application_id = ${id}`;
    await t.db.admin`update jobtrack.applications set follow_up_on = '2026-11-16' where id = ${id}`;
    // 00:30 on 25 Oct in London is 23:30 UTC on the 24th: it belongs to the 25th.
    await event(me, id, '2026-10-24T23:30:00Z', 'phone_screen');
    await event(me, id, '2026-11-10T10:00:00Z');
    const outcome = await runLoader(
      logLoader,
      get(
        '/job-search-log?from.day=25&from.month=10&from.year=2026&to.day=16&to.month=11&to.year=2026',
        {
          cookie: me.cookie,
        },
      ),
      { context: t.context },
    );
    expect(outcome.status).toBe(200);
    const rows = logRows(outcome.data.entries, outcome.data.events, outcome.data.followUps);
    expect(rows.map((r) => [r.day, r.action])).toEqual([
      ['2026-10-25', 'Phone screen at 00:30'],
      ['2026-11-02', 'Applied'],
      ['2026-11-10', 'Interview at 10:00'],
      ['2026-11-16', 'Planned follow-up: chase for a reply if none has come'],
    ]);
  });
});
