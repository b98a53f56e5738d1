import { describe, expect, it } from 'vitest';
import { clockTime, parseClockTime } from '~/applications/closing';
import { closesIn, hasClosed, londonNow } from '~/applications/dates';
import { formatSalary, hasPence, parsePounds } from '~/applications/salary';

describe('closing times', () => {
  it.each([
    ['23:55', '23:55'],
    ['9:00', '09:00'],
    ['09.30', '09:30'],
    ['5pm', '17:00'],
    ['11:55 p.m.', '23:55'],
    ['12am', '00:00'],
    ['12 pm', '12:00'],
    ['noon', '12:00'],
    ['Midday', '12:00'],
  ])('reads %s as %s', (typed, time) => {
    expect(parseClockTime(typed)).toBe(time);
  });

  it.each(['5', '24:00', '12:60', '13pm', 'midnight', 'soon', ''])('refuses %j', (typed) => {
    expect(parseClockTime(typed)).toBeNull();
  });

  it('shows a stored time without its seconds', () => {
    expect(clockTime('23:55:00')).toBe('23:55');
    expect(clockTime(null)).toBe('');
  });

  it('counts an advert closed from its closing time on the day, or at the end of the day', () => {
    const at = (time: string) => ({ date: '2026-11-27', time });
    expect(hasClosed('2026-11-27', '12:00:00', at('11:59'))).toBe(false);
    expect(hasClosed('2026-11-27', '12:00:00', at('12:00'))).toBe(true);
    expect(hasClosed('2026-11-27', null, at('23:59'))).toBe(false);
    expect(hasClosed('2026-11-26', null, at('00:00'))).toBe(true);
    expect(hasClosed('2026-11-28', '00:01', at('23:59'))).toBe(false);
  });

  it('says when an advert closes, in words', () => {
    const now = { date: '2026-11-27', time: '14:00' };
    expect(closesIn('2026-11-27', now, '23:55:00')).toBe('Closes today at 23:55');
    expect(closesIn('2026-11-27', now, '12:00:00')).toBe('Closed');
    expect(closesIn('2026-11-27', now)).toBe('Closes today');
    expect(closesIn('2026-11-28', now, '23:55:00')).toBe('Closes tomorrow');
    expect(closesIn('2026-11-30', now)).toBe('Closes in 3 days');
    expect(closesIn('2026-11-20', now)).toBe('Closed');
  });

  it('tells the time in London, summer time included', () => {
    expect(londonNow(new Date('2026-07-01T22:30:00Z'))).toEqual({
      date: '2026-07-01',
      time: '23:30',
    });
    expect(londonNow(new Date('2026-12-31T23:30:00Z'))).toEqual({
      date: '2026-12-31',
      time: '23:30',
    });
  });
});

describe('salaries', () => {
  it.each([
    ['32000', 32_000],
    ['32,000', 32_000],
    ['£32,000.00', 32_000],
    [' £ 29,970 ', 29_970],
    ['32k', 32_000],
    ['32.5K', 32_500],
    ['1.15k', 1_150],
    ['0', 0],
  ])('reads %j as %i pounds', (typed, pounds) => {
    expect(parsePounds(typed)).toBe(pounds);
  });

  it.each(['about 30k', '-5', '3,2000', '£', '30 000', '1e6'])('refuses %j', (typed) => {
    expect(parsePounds(typed)).toBeNull();
  });

  it('rounds pence (a spreadsheet’s 26500.50 imports) but says when there are any, for the form', () => {
    expect(parsePounds('26,500.50')).toBe(26_501);
    expect(['26,500.50', '12.5', '£12.50'].map(hasPence)).toEqual([true, true, true]);
    expect(['32,000', '£32,000.00', '32.5k', '1.15k', '0.00'].map(hasPence)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('writes a salary in words', () => {
    expect(formatSalary(29_970, 36_483, null)).toBe('£29,970 to £36,483');
    expect(formatSalary(24_000, 24_000, 'pro rata')).toBe('£24,000, pro rata');
    expect(formatSalary(30_000, null)).toBe('From £30,000');
    expect(formatSalary(null, 1_250_000)).toBe('Up to £1,250,000');
    expect(formatSalary(null, null, '£12.50 an hour')).toBe('£12.50 an hour');
    expect(formatSalary(null, null, null)).toBe('');
  });
});
