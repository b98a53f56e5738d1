// The stats page's figures for a guest, worked out in the browser from the stored records with the
// same rules as the account's one SQL statement (app/stats/stats.server.ts), so StatsPage shows
// both the same way.
import { daysBetween } from '~/applications/dates';
import type { Status } from '~/applications/statuses';
import type { ExportedApplication } from '~/portability/format';
import { firstWeekShown, MAX_SOURCES, mondayOf, type StatsFacts } from '~/stats/stats';
import { dayOf } from '~/applications/history-date';

type App = ExportedApplication;

// Statuses that mean the employer answered, and those that mean an interview or an offer came.
const REPLY: readonly Status[] = ['interviewing', 'offer', 'accepted', 'rejected'];
const INTERVIEW: readonly Status[] = ['interviewing', 'offer', 'accepted'];
const OFFER: readonly Status[] = ['offer', 'accepted'];

const earliest = (days: string[]) =>
  days.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);

function factsOf(a: App) {
  const reached = (statuses: readonly Status[]) =>
    statuses.includes(a.status) || a.statusHistory.some((h) => statuses.includes(h.to));
  const dayOfFirst = (statuses: readonly Status[]) =>
    earliest(a.statusHistory.filter((h) => statuses.includes(h.to)).map(dayOf));
  return {
    status: a.status,
    source: a.source?.trim() ?? '',
    appliedOn: a.dateApplied ?? dayOfFirst(['applied']),
    interviewed: reached(INTERVIEW),
    offered: reached(OFFER),
    replied: reached(REPLY),
    rejected: reached(['rejected']),
    firstReplyOn: dayOfFirst(REPLY),
  };
}

/** The median of whole numbers, halves rounded to even (as PostgreSQL rounds a double). */
function roundedMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = (sorted.length - 1) / 2;
  const median = (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
  const floor = Math.floor(median);
  if (median - floor !== 0.5) return Math.round(median);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The figures for a guest's applications, for a page viewed on `today` (YYYY-MM-DD, London). */
export function guestStatsFacts(applications: readonly App[], today: string): StatsFacts {
  const all = applications.map(factsOf);
  // Sent: anything past Saved, or with a date applied; but withdrawn from an advert never sent (no
  // date applied, no answer) is not.
  const sent = all.filter(
    (f) =>
      f.appliedOn !== null || (f.status !== 'saved' && !(f.status === 'withdrawn' && !f.replied)),
  );
  const first = firstWeekShown(today);
  const weeks = new Map<string, number>();
  for (const f of sent) {
    if (f.appliedOn === null || f.appliedOn < first) continue;
    const week = mondayOf(f.appliedOn);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  const sources = new Map<string, StatsFacts['sources'][number]>();
  for (const f of sent) {
    const s = sources.get(f.source) ?? {
      source: f.source,
      applied: 0,
      interviews: 0,
      offers: 0,
      rejectedEarly: 0,
      withdrawnEarly: 0,
    };
    s.applied++;
    if (f.interviewed) s.interviews++;
    if (f.offered) s.offers++;
    if (f.rejected && !f.interviewed) s.rejectedEarly++;
    if (f.status === 'withdrawn' && !f.replied) s.withdrawnEarly++;
    sources.set(f.source, s);
  }
  const waits = sent.flatMap((f) =>
    f.appliedOn !== null && f.firstReplyOn !== null && f.firstReplyOn >= f.appliedOn
      ? [daysBetween(f.appliedOn, f.firstReplyOn)]
      : [],
  );
  return {
    total: all.length,
    applied: sent.length,
    interviewed: sent.filter((f) => f.interviewed).length,
    offered: sent.filter((f) => f.offered).length,
    replied: sent.filter((f) => f.replied).length,
    medianDaysToReply: roundedMedian(waits),
    weeks: [...weeks].map(([week, n]) => ({ week, n })).sort((x, y) => (x.week < y.week ? -1 : 1)),
    sources: [...sources.values()]
      .sort((x, y) => y.applied - x.applied || (x.source < y.source ? -1 : 1))
      .slice(0, MAX_SOURCES),
  };
}
