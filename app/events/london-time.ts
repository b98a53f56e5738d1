// Event times are typed as a date and a clock time in the UK and stored as an instant. Twice a year
// the UK's clocks skip or repeat an hour (the last Sundays of March and October), so the mapping
// from a London wall-clock time to an instant is worked out, not assumed. Browser-safe.

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function toLondon(instant: Date | string): { date: string; time: string } {
  const parts = wallClock.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * The instant a London date (YYYY-MM-DD) and time (HH:MM) names, or null for a time the clocks
 * skip (01:00 to 01:59 on the last Sunday of March). A time that happens twice (01:00 to 01:59 on
 * the last Sunday of October) is the first of the two, in summer time: that is when a person who
 * typed it is most likely to be expected, and the calendar shows the hour they typed either way.
 */
export function fromLondon(date: string, time: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // London is UTC+1 in summer and UTC+0 in winter: try summer first, so a repeated hour is the first.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = toLondon(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return null;
}
