// Guest mode works out the dashboard's dated lists, the stats and the job-search log in the
// browser; an account gets them from SQL. The same job search, held by a guest and moved into an
// account with the account's own import, must read the same both ways.
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { loadDashboard } from '~/applications/dashboard.server';
import { guestFollowUpsDue, guestGhostSuggestions, guestThisWeek } from '~/guest/dashboard';
import { guestLog } from '~/guest/log';
import { editApplication, moveApplication, newApplication } from '~/guest/records';
import { guestStatsFacts } from '~/guest/stats';
import { emptyDocument } from '~/guest/storage';
import { loadLog } from '~/job-search-log/log.server';
import { logRows, type LogRow } from '~/job-search-log/rows';
import { importDocument } from '~/portability/import.server';
import type { ExportDocument, ExportedApplication } from '~/portability/format';
import { loadStats } from '~/stats/stats.server';
import { setupPortabilityTest } from '../portability/fixtures';

const t = setupPortabilityTest();

const NOW = { date: '2026-11-28', time: '12:00' };
const at = (iso: string) => new Date(iso);

function add(input: Partial<ApplicationInput> & { company: string }, when: string) {
  return newApplication(
    { role: 'Staff Nurse', status: 'saved', mayCloseEarly: false, ...input },
    undefined,
    at(when),
  );
}

function withEvent(
  a: ExportedApplication,
  kind: ExportedApplication['events'][number]['kind'],
  startsAt: string,
): ExportedApplication {
  const event = {
    id: crypto.randomUUID(),
    kind,
    startsAt,
    format: 'video' as const,
    place: null,
    link: null,
    notes: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
  return { ...a, events: [...a.events, event] };
}

/** A guest's job search of two months, made with guest mode's own changes. */
function jobSearch(): ExportDocument {
  let nhs = add(
    {
      company: 'Leeds Teaching Hospitals NHS Trust',
      role: 'Staff Nurse, Band 5',
      status: 'applied',
      dateApplied: '2026-10-05',
      source: 'NHS Jobs',
      reference: 'C9-2611-4471',
      salaryMin: 28_407,
      salaryMax: 34_581,
    },
    '2026-10-05T19:00:00Z',
  );
  nhs = moveApplication(nhs, 'interviewing', at('2026-10-19T08:30:00Z'));
  nhs = withEvent(nhs, 'interview', '2026-11-30T10:30:00Z');
  nhs = withEvent(nhs, 'phone_screen', '2026-10-18T23:30:00Z'); // 00:30 on 19 Oct in London
  let dwp = add(
    {
      company: 'Department for Work and Pensions',
      role: 'Executive Officer',
      status: 'saved',
      source: 'Civil Service Jobs',
    },
    '2026-10-01T09:00:00Z',
  );
  dwp = moveApplication(dwp, 'applied', at('2026-10-10T11:00:00Z'));
  dwp = { ...dwp, followUpOn: '2026-11-20' };
  dwp = withEvent(dwp, 'assessment_centre', '2026-12-02T09:00:00Z');
  let hmrc = add(
    {
      company: 'HM Revenue and Customs',
      role: 'Administrative Officer',
      status: 'applied',
      dateApplied: '2026-10-12',
      source: 'Civil Service Jobs',
    },
    '2026-10-12T09:00:00Z',
  );
  hmrc = moveApplication(hmrc, 'rejected', at('2026-10-15T16:00:00Z'));
  let council = add(
    {
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'applied',
      dateApplied: '2026-10-20',
      source: ' Indeed ',
    },
    '2026-10-20T09:00:00Z',
  );
  council = moveApplication(council, 'interviewing', at('2026-10-27T09:00:00Z'));
  council = moveApplication(council, 'offer', at('2026-11-10T09:00:00Z'));
  council = editApplication(
    council,
    {
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'accepted',
      dateApplied: '2026-10-20',
      source: 'Indeed',
      mayCloseEarly: false,
    },
    at('2026-11-12T09:00:00Z'),
  );
  const quiet = add(
    {
      company: 'Bristol City Council',
      role: 'Housing Officer',
      status: 'applied',
      dateApplied: '2026-10-22',
    },
    '2026-10-22T09:00:00Z',
  );
  // Applied weeks ago, but the person means to chase it next week: not one to call ghosted yet.
  const chasing = {
    ...add(
      { company: 'Ofgem', role: 'Analyst', status: 'applied', dateApplied: '2026-10-15' },
      '2026-10-15T09:00:00Z',
    ),
    followUpOn: '2026-12-04',
  };
  const saved = add(
    { company: 'Ofsted', role: 'Inspector', closingDate: '2026-12-05' },
    '2026-11-25T09:00:00Z',
  );
  return {
    ...emptyDocument(at('2026-11-28T12:00:00Z')),
    applications: [nhs, dwp, hmrc, council, quiet, chasing, saved],
  };
}

// Account rows carry the account's own ids (the import makes new ones), so rows compare by what they say.
const said = ({ key: _k, applicationId: _a, ...row }: LogRow & { id?: string }) => ({
  ...row,
  id: '',
});

describe('a guest’s job search reads the same in the browser as in an account', () => {
  it('stats, the job-search log and the dashboard’s dated lists', async () => {
    const me = await t.person();
    const doc = jobSearch();
    await importDocument(t.context, me.id, doc);

    expect(guestStatsFacts(doc.applications, NOW.date)).toEqual(
      await loadStats(t.context, me.id, NOW.date),
    );

    const range = { from: '2026-10-01', to: '2026-12-31' };
    const account = await loadLog(t.context, me.id, range);
    const guest = guestLog(doc.applications, range);
    const rows = logRows(guest.entries, guest.events, guest.followUps).map(said);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(logRows(account.entries, account.events, account.followUps).map(said));

    const dashboard = await loadDashboard(t.context, me.id, NOW);
    const without = <T extends { id: string }>(rows: T[]) =>
      rows.map(({ id: _id, ...row }) =>
        'applicationId' in row ? { ...row, applicationId: '' } : row,
      );
    expect(without(guestThisWeek(doc, NOW))).toEqual(without(dashboard.thisWeek));
    expect(without(guestFollowUpsDue(doc, NOW))).toEqual(without(dashboard.followUpsDue));
    expect(without(guestGhostSuggestions(doc, NOW))).toEqual(without(dashboard.ghostSuggestions));
    expect(guestThisWeek(doc, NOW)).toHaveLength(2);
    // DWP's own date, and the two suggested 14 days after applying (NHS, Bristol).
    expect(guestFollowUpsDue(doc, NOW)).toHaveLength(3);
    // Not DWP (its assessment centre is to come) nor Ofgem (its follow-up is ahead).
    expect(guestGhostSuggestions(doc, NOW).map((row) => row.company)).toEqual([
      'Bristol City Council',
    ]);
  });
});
