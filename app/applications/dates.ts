// Dates are shown like "27 Nov 2026". The month names are spelt out here rather than taken from
// Intl, whose en-GB data differs between runtimes ("Sep" or "Sept"), which would break hydration.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The earliest date the forms accept. */
export const MIN_DATE = '2000-01-01';
/** The latest date the forms accept. */
export const MAX_DATE = '2100-12-31';

// JobTrack is for people job hunting in the UK, so "today" is the date in London, not in UTC
// (where the Worker runs) nor in whatever zone a test machine is set to.
const londonHours = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

// London is UTC or an hour ahead of it, and its clocks change on the hour of UTC (01:00), so one
// formatToParts (slow: a call per row was a tenth of rendering the list's 25 rows) gives the
// offset for every instant in that hour; it is asked once per hour seen.
const HOUR_MS = 60 * 60 * 1000;
const offsets = new Map<number, number>();

function londonOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS) * HOUR_MS;
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const londonHour = Number(londonHours.format(hour));
    // London's hour less UTC's, across midnight too: 0 or 1 (2 in the war's double summer time).
    offset = ((((londonHour - new Date(hour).getUTCHours()) % 24) + 24) % 24) * HOUR_MS;
    if (offsets.size >= 1000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

function inLondon(instant: Date) {
  const ms = instant.getTime();
  // YYYY-MM-DDTHH:MM: London's wall clock, written as if it were UTC.
  const wall = new Date(ms + londonOffset(ms)).toISOString();
  const at = (from: number, to: number) => wall.slice(from, to);
  return { year: at(0, 4), month: at(5, 7), day: at(8, 10), hour: at(11, 13), minute: at(14, 16) };
}

/** True for a YYYY-MM-DD string that names a day that exists (no 31 February). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Today's date in London as YYYY-MM-DD. */
export function todayInLondon(now: Date = new Date()): string {
  const { year, month, day } = inLondon(now);
  return `${year}-${month}-${day}`;
}

/** The YYYY-MM-DD date `days` after `iso` (negative goes back). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `fromIso` to `toIso` (both YYYY-MM-DD). */
export function daysBetween(fromIso: string, toIso: string): number {
  const at = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((at(toIso) - at(fromIso)) / DAY_MS);
}

/** A date-only value (YYYY-MM-DD) as "27 Nov 2026"; no time zone can shift it. Empty for none. */
export function formatDate(iso: string | null | undefined): string {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** An instant as its London date, "27 Nov 2026". */
export function formatInstantDate(instant: Date | string): string {
  const { year, month, day } = inLondon(new Date(instant));
  return formatDate(`${year}-${month}-${day}`);
}

/** An instant as its London date and time, "27 Nov 2026, 14:05". */
export function formatDateTime(instant: Date | string): string {
  const { year, month, day, hour, minute } = inLondon(new Date(instant));
  return `${formatDate(`${year}-${month}-${day}`)}, ${hour}:${minute}`;
}

/** The date and time in London now, as YYYY-MM-DD and HH:MM: what a page compares closing times with. */
export type LondonNow = { date: string; time: string };

/** The date and time in London at `now`. */
export function londonNow(now: Date = new Date()): LondonNow {
  const { year, month, day, hour, minute } = inLondon(now);
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}` };
}

/**
 * True once an advert has closed: after its closing date, or on that day from its closing time
 * (HH:MM or HH:MM:SS; none means the end of the day).
 */
export function hasClosed(closingIso: string, closingTime: string | null, now: LondonNow): boolean {
  if (closingIso !== now.date) return closingIso < now.date;
  return closingTime ? now.time >= closingTime.slice(0, 5) : false;
}

/**
 * How long until a closing date, in words: "Closes today", "Closes today at 12:00", "Closes
 * tomorrow", "Closes in 3 days", "Closed". Give `now` a time to count a closing time passed today.
 */
export function closesIn(
  closingIso: string,
  now: string | LondonNow,
  closingTime: string | null = null,
): string {
  const at = typeof now === 'string' ? { date: now, time: '00:00' } : now;
  if (hasClosed(closingIso, closingTime, at)) return 'Closed';
  const days = daysBetween(at.date, closingIso);
  if (days === 0)
    return closingTime ? `Closes today at ${closingTime.slice(0, 5)}` : 'Closes today';
  if (days === 1) return 'Closes tomorrow';
  return `Closes in ${days} days`;
}
