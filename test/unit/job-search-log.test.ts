import { describe, expect, it } from 'vitest';
import { parseLogRange } from '~/job-search-log/range-schema';
import { actionFor } from '~/job-search-log/wording';

describe('job-search log wording and range', () => {
  it('words each move as the action a Work Coach reads', () => {
    expect(actionFor(null, 'saved')).toBe('Saved the advert');
    expect(actionFor(null, 'applied')).toBe('Applied');
    expect(actionFor('saved', 'applied')).toBe('Applied');
    expect(actionFor('applied', 'interviewing')).toBe('Invited to interview');
    expect(actionFor('interviewing', 'rejected')).toBe('Told the application was unsuccessful');
    expect(actionFor('applied', 'saved')).toBe('Moved back to Saved');
  });

  it('defaults to the 14 days up to today, and reads a month typed as a word', () => {
    expect(parseLogRange(new URLSearchParams(), '2026-11-28').range).toEqual({
      from: '2026-11-15',
      to: '2026-11-28',
    });
    const typed = new URLSearchParams(
      'from.day=1&from.month=Nov&from.year=2026&to.day=30&to.month=november&to.year=2026',
    );
    expect(parseLogRange(typed, '2026-11-28').range).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('asks for both days when one is left empty', () => {
    const { range, reply } = parseLogRange(
      new URLSearchParams('from.day=&from.month=&from.year=&to.day=1&to.month=11&to.year=2026'),
      '2026-11-28',
    );
    expect(range).toBeNull();
    expect(reply?.error?.from).toEqual(['Enter the first day of the log']);
  });

  it('says only what is wrong with a day it cannot read, not that the other comes before it', () => {
    for (const from of [
      'from.day=31&from.month=2',
      'from.day=1&from.month=abc',
      'from.day=1&from.month=13',
    ]) {
      const { range, reply } = parseLogRange(
        new URLSearchParams(`${from}&from.year=2026&to.day=30&to.month=11&to.year=2026`),
        '2026-11-30',
      );
      expect(range, from).toBeNull();
      expect(reply?.error?.from?.[0], from).toMatch(/^From /);
      expect(reply?.error?.to, from).toBeUndefined();
    }
    // An empty From is still asked for when To cannot be read.
    const { reply } = parseLogRange(
      new URLSearchParams('from.day=&from.month=&from.year=&to.day=31&to.month=2&to.year=2026'),
      '2026-11-30',
    );
    expect(reply?.error?.from).toEqual(['Enter the first day of the log']);
    expect(reply?.error?.to?.[0]).toMatch(/^To must be a real date/);
  });

  it('reads only the range from the URL, not Conform fields added to it (junk, or nested too deep to send back)', () => {
    const deep = `${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const range = 'from.day=31&from.month=2&from.year=2026&to.day=1&to.month=11&to.year=2026';
    for (const extra of [`__state__=${deep}`, '__intent__=not-json', `__intent__=${deep}`]) {
      const { reply } = parseLogRange(new URLSearchParams(`${range}&${extra}`), '2026-11-30');
      expect(reply?.error?.from?.[0], extra.slice(0, 20)).toMatch(/^From /);
      expect(JSON.stringify(reply).length, extra.slice(0, 20)).toBeLessThan(1000);
    }
  });

  it('ignores a field that asks for a huge array (from.day[4294967294] took minutes to refuse)', () => {
    const range = 'from.day=3&from.month=11&from.year=2026&to.day=28&to.month=11&to.year=2026';
    for (const extra of ['from.day[4294967294]=1', 'to.year[99999999]=2026', 'from.day.x=1']) {
      const { range: read } = parseLogRange(new URLSearchParams(`${range}&${extra}`), '2026-11-30');
      expect(read, extra).toEqual({ from: '2026-11-03', to: '2026-11-28' });
    }
  });
});
