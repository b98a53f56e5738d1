// The guest's dashboard lists, stats and job-search log, worked out in the browser from stored
// records with the account's rules (their SQL is held to the same cases in the integration tests).
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { guestFollowUpsDue, guestGhostSuggestions, guestThisWeek } from '~/guest/dashboard';
import { guestLog } from '~/guest/log';
import { moveApplication, newApplication } from '~/guest/records';
import { guestStatsFacts } from '~/guest/stats';
import { emptyDocument } from '~/guest/storage';
import type { ExportedApplication, ExportedEvent } from '~/portability/format';

type App = ExportedApplication;

function app(
  company: string,
  extra: Partial<ApplicationInput> = {},
  when = '2026-10-01T09:00:00Z',
) {
  return newApplication(
    { company, role: 'Staff Nurse', status: 'saved', mayCloseEarly: false, ...extra },
    undefined,
    new Date(when),
  );
}

const withEvent = (a: App, startsAt: string, kind: ExportedEvent['kind'] = 'interview'): App => ({
  ...a,
  events: [
    ...a.events,
    {
      id: crypto.randomUUID(),
      kind,
      startsAt,
      format: null,
      place: null,
      link: null,
      notes: null,
      createdAt: '2026-10-01T09:00:00.000Z',
      updatedAt: '2026-10-01T09:00:00.000Z',
    },
  ],
});

const doc = (...applications: App[]) => ({ ...emptyDocument(), applications });

describe('guest dashboard', () => {
  it("lists this week's dates from the start of today (London) for seven days, soonest first", () => {
    // 00:30 on 25 Oct in London, the night the clocks go back.
    const now = { date: '2026-10-25', time: '00:30' };
    let a = app('Leeds Teaching Hospitals NHS Trust', { status: 'interviewing' });
    a = withEvent(a, '2026-10-24T22:59:00Z'); // 23:59 on the 24th in London: yesterday
    a = withEvent(a, '2026-10-31T23:59:00Z', 'assessment_centre'); // 23:59 on the 31st: day seven
    a = withEvent(a, '2026-10-24T23:10:00Z', 'phone_screen'); // 00:10 today
    a = withEvent(a, '2026-11-01T00:00:00Z', 'offer_deadline'); // 1 Nov: next week
    const week = guestThisWeek(doc(a), now);
    expect(week.map((e) => e.kind)).toEqual(['phone_screen', 'assessment_centre']);
    expect(week[0]).toMatchObject({ applicationId: a.id, company: a.company, role: a.role });
  });

  it('lists follow-ups due on or before today for applications still waiting, oldest first', () => {
    const now = { date: '2026-11-28', time: '12:00' };
    const due = (company: string, followUpOn: string, status: App['status'] = 'applied') => ({
      ...app(company, { status }),
      followUpOn,
    });
    const rows = guestFollowUpsDue(
      doc(
        due('Today', '2026-11-28'),
        due('Tomorrow', '2026-11-29'),
        due('Last week', '2026-11-21', 'interviewing'),
        due('Rejected', '2026-11-01', 'rejected'),
      ),
      now,
    );
    expect(rows.map((r) => r.company)).toEqual(['Last week', 'Today']);
  });

  it('suggests Ghosted after four weeks at Applied (or the weeks set), counted from the date applied', () => {
    const now = { date: '2026-11-28', time: '12:00' };
    const a = app('DWP', { status: 'applied', dateApplied: '2026-10-31' });
    const b = app('HMRC', { status: 'applied', dateApplied: '2026-11-01' });
    // Without a date applied, from the day it was added.
    const c = app('DVLA', { status: 'applied' }, '2026-10-20T09:00:00Z');
    const d = app('Ofsted', { status: 'interviewing', dateApplied: '2026-09-01' });
    expect(guestGhostSuggestions(doc(a, b, c, d), now).map((r) => [r.company, r.since])).toEqual([
      ['DVLA', '2026-10-20'],
      ['DWP', '2026-10-31'],
    ]);
    const twoWeeks = { ...doc(a, b, c, d), settings: { ghostAfterWeeks: 2 } };
    expect(guestGhostSuggestions(twoWeeks, now).map((r) => [r.company, r.weeks])).toEqual([
      ['DVLA', 2],
      ['DWP', 2],
      ['HMRC', 2],
    ]);
  });
});

describe('guest stats', () => {
  it('counts sent, interviews, offers and replies from status and history, as the account does', () => {
    const today = '2026-11-28';
    const at = (iso: string) => new Date(iso);
    // Applied 2 Nov, interview 9 Nov (7 days), offer.
    let offer = app('NHS', { status: 'applied', dateApplied: '2026-11-02', source: ' NHS Jobs ' });
    offer = moveApplication(offer, 'interviewing', at('2026-11-09T10:00:00Z'));
    offer = moveApplication(offer, 'offer', at('2026-11-20T10:00:00Z'));
    // Applied 10 Nov, rejected 13 Nov (3 days) without an interview.
    let early = app('DWP', {
      status: 'applied',
      dateApplied: '2026-11-10',
      source: 'Civil Service Jobs',
    });
    early = moveApplication(early, 'rejected', at('2026-11-13T10:00:00Z'));
    // Interviewed, then rejected: still counts as interviewed.
    let late = app('HMRC', {
      status: 'applied',
      dateApplied: '2026-11-03',
      source: 'Civil Service Jobs',
    });
    late = moveApplication(late, 'interviewing', at('2026-11-06T10:00:00Z'));
    late = moveApplication(late, 'rejected', at('2026-11-12T10:00:00Z'));
    const waiting = app('Leeds City Council', { status: 'applied', dateApplied: '2026-11-25' });
    const saved = app('Not sent');
    // Sent with no date applied: its first move to Applied dates it.
    const moved = moveApplication(app('Moved'), 'applied', at('2026-11-26T10:00:00Z'));
    const facts = guestStatsFacts([offer, early, late, waiting, saved, moved], today);
    expect(facts).toMatchObject({
      total: 6,
      applied: 5,
      interviewed: 2,
      offered: 1,
      replied: 3,
      // 3, 3 and 7 days: the median is 3.
      medianDaysToReply: 3,
    });
    expect(facts.weeks).toEqual([
      { week: '2026-11-02', n: 2 },
      { week: '2026-11-09', n: 1 },
      { week: '2026-11-23', n: 2 },
    ]);
    // Most applications first; a tie by name, "not recorded" ('') first.
    expect(facts.sources).toEqual([
      {
        source: '',
        applied: 2,
        interviews: 0,
        offers: 0,
        rejectedEarly: 0,
        withdrawnEarly: 0,
      },
      {
        source: 'Civil Service Jobs',
        applied: 2,
        interviews: 1,
        offers: 0,
        rejectedEarly: 1,
        withdrawnEarly: 0,
      },
      {
        source: 'NHS Jobs',
        applied: 1,
        interviews: 1,
        offers: 1,
        rejectedEarly: 0,
        withdrawnEarly: 0,
      },
    ]);
  });

  it('counts a withdrawal before any answer as Withdrawn, and a rejection as Rejected even after the guest withdrew; an advert withdrawn from before it was sent is not sent', () => {
    const at = (iso: string) => new Date(iso);
    const source = 'Civil Service Jobs';
    let refused = app('DWP', { status: 'applied', dateApplied: '2026-11-02', source });
    refused = moveApplication(refused, 'rejected', at('2026-11-09T10:00:00Z'));
    refused = moveApplication(refused, 'withdrawn', at('2026-11-10T10:00:00Z'));
    let left = app('Sheffield City Council', {
      status: 'applied',
      dateApplied: '2026-11-05',
      source,
    });
    left = moveApplication(left, 'withdrawn', at('2026-11-12T10:00:00Z'));
    const waiting = app('Home Office', { status: 'applied', dateApplied: '2026-11-06', source });
    const unsent = moveApplication(
      app('Leeds City Council', { source }),
      'withdrawn',
      at('2026-11-13T10:00:00Z'),
    );
    const facts = guestStatsFacts([refused, left, waiting, unsent], '2026-11-28');
    expect(facts).toMatchObject({ total: 4, applied: 3, replied: 1 });
    expect(facts.sources).toEqual([
      {
        source,
        applied: 3,
        interviews: 0,
        offers: 0,
        rejectedEarly: 1,
        withdrawnEarly: 1,
      },
    ]);
  });

  it('rounds a median that falls between two waits to the even day, as PostgreSQL does', () => {
    const reply = (company: string, applied: string, on: string) =>
      moveApplication(
        app(company, { status: 'applied', dateApplied: applied }),
        'rejected',
        new Date(`${on}T10:00:00Z`),
      );
    // Waits of 2 and 3 days: 2.5 rounds to 2; of 3 and 4: 3.5 rounds to 4.
    expect(
      guestStatsFacts(
        [reply('A', '2026-11-01', '2026-11-03'), reply('B', '2026-11-01', '2026-11-04')],
        '2026-11-28',
      ).medianDaysToReply,
    ).toBe(2);
    expect(
      guestStatsFacts(
        [reply('A', '2026-11-01', '2026-11-04'), reply('B', '2026-11-01', '2026-11-05')],
        '2026-11-28',
      ).medianDaysToReply,
    ).toBe(4);
    expect(guestStatsFacts([], '2026-11-28')).toMatchObject({
      total: 0,
      applied: 0,
      medianDaysToReply: null,
    });
  });
});

describe('guest job-search log', () => {
  it('holds the moves, dates and follow-ups in the range by their London day, each oldest first', () => {
    const range = { from: '2026-10-25', to: '2026-10-31' };
    let a = app(
      'Leeds Teaching Hospitals NHS Trust',
      { status: 'applied', dateApplied: '2026-10-26', reference: 'C9-2611' },
      '2026-10-24T09:00:00Z',
    );
    a = moveApplication(a, 'interviewing', new Date('2026-10-30T10:00:00Z'));
    a = withEvent(a, '2026-10-24T23:10:00Z', 'phone_screen'); // 00:10 on the 25th in London
    a = withEvent(a, '2026-10-24T22:59:00Z'); // 23:59 on the 24th: before the range
    a = withEvent(a, '2026-10-31T23:59:00Z'); // 23:59 on the 31st (GMT): in it
    a = withEvent(a, '2026-11-01T00:00:00Z'); // 1 Nov: after it
    a = { ...a, followUpOn: '2026-10-31' };
    const b = {
      ...app('Outside', { status: 'applied', dateApplied: '2026-10-01' }),
      followUpOn: '2026-11-01',
    };
    const log = guestLog([b, a], range);
    expect(log.entries.map((e) => [e.day, e.from, e.to, e.reference])).toEqual([
      ['2026-10-26', null, 'applied', 'C9-2611'],
      ['2026-10-30', 'applied', 'interviewing', 'C9-2611'],
    ]);
    expect(log.events.map((e) => [e.day, e.kind])).toEqual([
      ['2026-10-25', 'phone_screen'],
      ['2026-10-31', 'interview'],
    ]);
    expect(log.followUps.map((f) => [f.day, f.applicationId])).toEqual([['2026-10-31', a.id]]);
    expect(log.more).toBe(false);
    expect(guestLog([a], range, 1)).toMatchObject({ more: true });
    expect(guestLog([a], range, 1).entries).toHaveLength(1);
  });
});
