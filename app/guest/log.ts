// The job-search log's lists for a guest, read from the stored records with the same rules as the
// account's query (app/job-search-log/log.server.ts): status moves by the day they happened,
// dates by their London day, follow-up dates on their day, each oldest first.
import { addDays } from '~/applications/dates';
import type { LogEntry, LogEvent, LogFollowUp } from '~/job-search-log/log.server';
import type { LogRange } from '~/job-search-log/log-query';
import { fromLondon, toLondon } from '~/events/london-time';
import type { ExportedApplication } from '~/portability/format';
import { dayOf } from '~/applications/history-date';

type App = ExportedApplication;

const job = (a: App) => ({
  applicationId: a.id,
  company: a.company,
  role: a.role,
  source: a.source,
  reference: a.reference,
});

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The log's three lists for `range`, each cut at `limit`, and whether any had more. */
export function guestLog(applications: readonly App[], range: LogRange, limit = Infinity) {
  const inRange = (day: string) => day >= range.from && day <= range.to;
  const entries: Array<LogEntry & { at: string; n: number }> = [];
  const events: LogEvent[] = [];
  const followUps: LogFollowUp[] = [];
  const from = fromLondon(range.from, '00:00')!.getTime();
  const to = fromLondon(addDays(range.to, 1), '00:00')!.getTime();
  for (const a of applications) {
    a.statusHistory.forEach((h, n) => {
      const day = dayOf(h);
      if (inRange(day)) {
        entries.push({ id: `${a.id}-${n}`, ...job(a), day, from: h.from, to: h.to, at: h.at, n });
      }
    });
    for (const e of a.events) {
      const at = new Date(e.startsAt);
      if (at.getTime() < from || at.getTime() >= to) continue;
      const startsAt = at.toISOString();
      events.push({ id: e.id, ...job(a), day: toLondon(at).date, kind: e.kind, startsAt });
    }
    if (a.followUpOn && inRange(a.followUpOn)) {
      followUps.push({ id: a.id, ...job(a), day: a.followUpOn });
    }
  }
  // Within a day, moves in the order they were recorded (an application's own in its history's order).
  entries.sort(
    (x, y) =>
      byText(x.day, y.day) ||
      Date.parse(x.at) - Date.parse(y.at) ||
      byText(x.applicationId, y.applicationId) ||
      x.n - y.n,
  );
  events.sort((x, y) => byText(x.startsAt, y.startsAt) || byText(x.id, y.id));
  followUps.sort((x, y) => byText(x.day, y.day) || byText(x.id, y.id));
  return {
    entries: entries.slice(0, limit).map(({ at: _at, n: _n, ...entry }) => entry),
    events: events.slice(0, limit),
    followUps: followUps.slice(0, limit),
    more: [entries, events, followUps].some((list) => list.length > limit),
  };
}
