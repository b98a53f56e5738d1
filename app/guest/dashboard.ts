// The dashboard's dated lists for a guest: this week's interviews and other dates, follow-ups due
// and no reply for weeks, with the same rules and orders as the account's queries
// (app/events/dashboard.server.ts).
import { addDays, type LondonNow } from '~/applications/dates';
import type { WeekEvent } from '~/events/dashboard-lists';
import { DEFAULT_GHOST_WEEKS, isWaiting } from '~/events/follow-up';
import { fromLondon } from '~/events/london-time';
import type { ExportDocument } from '~/portability/format';
import { eventRows } from './events';

/** How many each list shows (as DASHBOARD_LIMIT on the server). */
const LIMIT = 10;

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const londonDay = (instant: string) =>
  new Date(instant).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/** Events from the start of today (London) to the end of the sixth day after, soonest first. */
export function guestThisWeek(doc: ExportDocument, now: LondonNow): WeekEvent[] {
  const from = fromLondon(now.date, '00:00')!.toISOString();
  const to = fromLondon(addDays(now.date, 7), '00:00')!.toISOString();
  return doc.applications
    .flatMap((a) =>
      eventRows(a)
        .filter((e) => e.startsAt >= from && e.startsAt < to)
        .map((e) => ({
          id: e.id,
          applicationId: a.id,
          kind: e.kind,
          startsAt: e.startsAt,
          format: e.format,
          company: a.company,
          role: a.role,
        })),
    )
    .sort((x, y) => byText(x.startsAt, y.startsAt) || byText(x.id, y.id))
    .slice(0, LIMIT);
}

/** Applications still waiting for a reply whose follow-up date is today or past, oldest first. */
export function guestFollowUpsDue(doc: ExportDocument, now: LondonNow) {
  return doc.applications
    .filter((a) => isWaiting(a.status) && a.followUpOn !== null && a.followUpOn <= now.date)
    .map((a) => ({ id: a.id, company: a.company, role: a.role, followUpOn: a.followUpOn! }))
    .sort((x, y) => byText(x.followUpOn, y.followUpOn) || byText(x.id, y.id))
    .slice(0, LIMIT);
}

/**
 * Applications at Applied whose date applied (or, without one, the day they were added) is at
 * least the number of weeks ago, with no event in those weeks or to come and no follow-up date
 * still ahead: the dashboard suggests marking them Ghosted (as ghostSuggestions on the server).
 */
export function guestGhostSuggestions(doc: ExportDocument, now: LondonNow) {
  const weeks = doc.settings.ghostAfterWeeks ?? DEFAULT_GHOST_WEEKS;
  const cutoff = addDays(now.date, -7 * weeks);
  const heardSince = fromLondon(cutoff, '00:00')!.toISOString();
  return doc.applications
    .filter((a) => a.status === 'applied')
    .filter((a) => a.followUpOn === null || a.followUpOn <= now.date)
    .filter((a) => !eventRows(a).some((e) => e.startsAt >= heardSince))
    .map((a) => ({
      id: a.id,
      company: a.company,
      role: a.role,
      since: a.dateApplied ?? londonDay(a.createdAt),
      weeks,
    }))
    .filter((a) => a.since <= cutoff)
    .sort((x, y) => byText(x.since, y.since) || byText(x.id, y.id))
    .slice(0, LIMIT);
}
