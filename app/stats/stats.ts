// How the job search is going, worked out from the facts the database sums up (stats.server.ts).
// Pure, so the page's numbers are tested without a database.
import { addDays, daysBetween, formatDate } from '~/applications/dates';

/** Sources the outcomes chart shows: those with the most applications. */
export const MAX_SOURCES = 12;

/** Weeks the "applications per week" chart covers, this week included. */
export const WEEKS_SHOWN = 12;

/** What the database sums up for one person (see stats.server.ts). */
export type StatsFacts = {
  /** Every application, Saved ones included. */
  total: number;
  /**
   * Applications sent: anything past Saved, or with a date applied, but not one withdrawn with
   * neither a date applied nor an answer (withdrawn from a Saved advert).
   */
  applied: number;
  /** Of those, how many reached an interview (ever, whatever they are now). */
  interviewed: number;
  /** How many reached an offer. */
  offered: number;
  /** How many heard back at all: an interview, an offer or a rejection. */
  replied: number;
  /** Median whole days from applying to the first reply; null with no reply dated. */
  medianDaysToReply: number | null;
  /** Applications sent per week: the Monday (YYYY-MM-DD) and how many. */
  weeks: Array<{ week: string; n: number }>;
  /** Outcomes per source ('' for none recorded), most applications first. */
  sources: Array<{
    source: string;
    applied: number;
    interviews: number;
    offers: number;
    /** Rejected without an interview. */
    rejectedEarly: number;
    /** Withdrawn by the person before the employer answered at all. */
    withdrawnEarly: number;
  }>;
};

/** The Monday (YYYY-MM-DD) of the week holding `iso`. */
export function mondayOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

/** The first Monday the weekly chart shows, for a page viewed on `today`. */
export function firstWeekShown(today: string): string {
  return addDays(mondayOf(today), -7 * (WEEKS_SHOWN - 1));
}

/** Every week of the chart, oldest first, with none left out (a week with nothing sent is 0). */
export function weeklySeries(weeks: StatsFacts['weeks'], today: string) {
  const counts = new Map(weeks.map((w) => [w.week, w.n]));
  const first = firstWeekShown(today);
  return Array.from({ length: WEEKS_SHOWN }, (_, i) => {
    const week = addDays(first, 7 * i);
    return { week, label: formatDate(week).replace(/ \d{4}$/, ''), n: counts.get(week) ?? 0 };
  });
}

/** `part` of `whole` as a whole percentage; null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** The funnel from applied to interview to offer, each stage with its share of those applied. */
export function funnel(facts: StatsFacts) {
  return [
    { stage: 'Applied', n: facts.applied },
    { stage: 'Interview', n: facts.interviewed },
    { stage: 'Offer', n: facts.offered },
  ].map((step) => ({ ...step, percent: percent(step.n, facts.applied) }));
}

/** "3 days", "1 day". */
export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** One sentence a screen reader hears for the weekly chart. */
export function weeklySummary(series: ReturnType<typeof weeklySeries>): string {
  const sent = series.reduce((sum, w) => sum + w.n, 0);
  const first = series[0]!;
  if (sent === 0) return `No applications sent in the ${WEEKS_SHOWN} weeks from ${first.label}.`;
  const busiest = series.reduce((top, w) => (w.n > top.n ? w : top));
  const span = daysBetween(first.week, series.at(-1)!.week) / 7 + 1;
  return (
    `${sent} ${sent === 1 ? 'application' : 'applications'} sent in the ${span} weeks from ` +
    `${first.label}; the most in one week was ${busiest.n}, in the week of ${busiest.label}.`
  );
}

/** Where each source's applications got to, each counted once at the furthest stage. */
export function sourceOutcomes(source: StatsFacts['sources'][number]) {
  return {
    offer: source.offers,
    interview: source.interviews - source.offers,
    rejected: source.rejectedEarly,
    withdrawn: source.withdrawnEarly,
    waiting: source.applied - source.interviews - source.rejectedEarly - source.withdrawnEarly,
  };
}
