import { describe, expect, it } from 'vitest';
import {
  firstWeekShown,
  funnel,
  mondayOf,
  percent,
  sourceOutcomes,
  weeklySeries,
  weeklySummary,
} from '~/stats/stats';

describe('stats arithmetic', () => {
  it('finds the Monday of any day’s week, Sunday included', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across the new year
  });

  it('shows twelve weeks ending with this one, with a nought for each week nothing was sent', () => {
    const series = weeklySeries(
      [
        { week: '2026-09-07', n: 3 },
        { week: '2026-11-23', n: 1 },
      ],
      '2026-11-26',
    );
    expect(firstWeekShown('2026-11-26')).toBe('2026-09-07');
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({ week: '2026-09-07', label: '7 Sep', n: 3 });
    expect(series.at(-1)).toEqual({ week: '2026-11-23', label: '23 Nov', n: 1 });
    expect(series.slice(1, -1).every((w) => w.n === 0)).toBe(true);
    expect(weeklySummary(series)).toBe(
      '4 applications sent in the 12 weeks from 7 Sep; the most in one week was 3, in the week of 7 Sep.',
    );
    expect(weeklySummary(weeklySeries([], '2026-11-26'))).toBe(
      'No applications sent in the 12 weeks from 7 Sep.',
    );
  });

  it('gives shares as whole percentages, and none of nothing', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBeNull();
    const facts = { applied: 8, interviewed: 3, offered: 1 } as Parameters<typeof funnel>[0];
    expect(funnel(facts)).toEqual([
      { stage: 'Applied', n: 8, percent: 100 },
      { stage: 'Interview', n: 3, percent: 38 },
      { stage: 'Offer', n: 1, percent: 13 },
    ]);
  });

  it('counts each application of a source once, at the furthest stage it reached', () => {
    const outcomes = sourceOutcomes({
      source: 'NHS Jobs',
      applied: 10,
      interviews: 4,
      offers: 1,
      rejectedEarly: 3,
      withdrawnEarly: 1,
    });
    expect(outcomes).toEqual({ offer: 1, interview: 3, rejected: 3, withdrawn: 1, waiting: 2 });
    expect(Object.values(outcomes).reduce((a, b) => a + b)).toBe(10);
  });
});
