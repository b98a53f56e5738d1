import { describe, expect, it } from 'vitest';
import {
  addDays,
  closesIn,
  daysBetween,
  formatDate,
  formatDateTime,
  formatInstantDate,
  isRealIsoDate,
  todayInLondon,
} from '~/applications/dates';

describe('showing dates', () => {
  it('shows a date-only value as "27 Nov 2026"', () => {
    expect(formatDate('2026-11-27')).toBe('27 Nov 2026');
    expect(formatDate('2026-09-01')).toBe('1 Sep 2026');
  });

  it('never shifts a date-only value, whatever the time zone', () => {
    // Parsed as text, not through Date, so no zone can make 1 Jan into 31 Dec.
    expect(formatDate('2027-01-01')).toBe('1 Jan 2027');
  });

  it('shows nothing for a missing or malformed date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('soon')).toBe('');
  });

  it('shows instants in London time, summer and winter', () => {
    expect(formatDateTime('2026-07-01T23:30:00Z')).toBe('2 Jul 2026, 00:30');
    expect(formatDateTime('2026-12-01T23:30:00Z')).toBe('1 Dec 2026, 23:30');
    expect(formatInstantDate('2026-07-01T23:30:00Z')).toBe('2 Jul 2026');
  });

  it('changes the clocks at 01:00 UTC on the last Sundays of March and October', () => {
    expect(formatDateTime('2026-03-29T00:59:00Z')).toBe('29 Mar 2026, 00:59');
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29 Mar 2026, 02:00');
    expect(formatDateTime('2026-10-25T00:59:00Z')).toBe('25 Oct 2026, 01:59');
    expect(formatDateTime('2026-10-25T01:00:00Z')).toBe('25 Oct 2026, 01:00');
  });

  it('agrees with Intl for every hour of two years, asked in any order', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    });
    const hours = Array.from(
      { length: 2 * 366 * 24 },
      (_, i) => Date.UTC(2025, 0, 1) + i * 3_600_000,
    );
    // Each hour from the end, then from the start with a minute past it (remembered, or asked
    // again once the cache has been emptied), then a run from 1968 to 1972 (British Standard Time).
    const bst = Array.from(
      { length: 5 * 366 * 24 },
      (_, i) => Date.UTC(1968, 0, 1) + i * 3_600_000,
    );
    for (const ms of [...[...hours].reverse(), ...hours.map((h) => h + 17 * 60_000), ...bst]) {
      const [date, time] = intl.format(ms).split(', ');
      expect(todayInLondon(new Date(ms))).toBe(date);
      expect(formatDateTime(new Date(ms)).endsWith(time!)).toBe(true);
    }
  });
});

describe('date arithmetic', () => {
  it('knows real dates from impossible ones', () => {
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-04-31')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days across a clock change', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('takes today from London, not UTC', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('says how long until a closing date', () => {
    expect(closesIn('2026-11-27', '2026-11-27')).toBe('Closes today');
    expect(closesIn('2026-11-28', '2026-11-27')).toBe('Closes tomorrow');
    expect(closesIn('2026-11-30', '2026-11-27')).toBe('Closes in 3 days');
    expect(closesIn('2026-11-20', '2026-11-27')).toBe('Closed');
  });
});
