// The job-search log's date range, read from its URL (a plain GET form): from and to as GOV.UK
// date inputs, checked like every other date, defaulting to the last 14 days.
import { parseWithZod } from '@conform-to/zod';
import { z } from 'zod';
import { addDays, daysBetween, MAX_DATE, MIN_DATE } from '~/applications/dates';
import { dateParts, datePartsSchema } from '~/components/forms/date-parts';

/** The range shown when none is asked for: two weeks, as most Work Coach appointments are. */
export const DEFAULT_DAYS = 14;

/** Entries one page shows; a range with more says so and asks for a shorter one. */
export const MAX_ENTRIES = 2000;

/**
 * Entries the CSV download holds: all of a year's at any pace a person could keep up, so the record
 * handed to a Work Coach is never cut short where the page's is; beyond it the download refuses.
 */
export const MAX_CSV_ENTRIES = 20_000;

/** The longest range one page shows. */
export const MAX_RANGE_DAYS = 366;

/** The range form's schema, fields in page order. */
export const LogRangeSchema = z
  .object({
    from: datePartsSchema('From', { min: MIN_DATE, max: MAX_DATE }),
    to: datePartsSchema('To', { min: MIN_DATE, max: MAX_DATE }),
  })
  .superRefine((range, ctx) => {
    if (!range.from)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter the first day of the log' });
    if (!range.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter the last day of the log' });
    if (!range.from || !range.to) return;
    if (range.from > range.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'To must be the same as or after From',
      });
    } else if (daysBetween(range.from, range.to) >= MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `The log can cover up to ${MAX_RANGE_DAYS} days at a time`,
      });
    }
  });

/** The days the log covers, both included (YYYY-MM-DD). */
export type LogRange = { from: string; to: string };

/** The range in the URL, the default when it asks for none, or Conform's reply to show its errors. */
export function parseLogRange(params: URLSearchParams, today: string) {
  const asked = [...params.keys()].some((key) => key.startsWith('from.') || key.startsWith('to.'));
  if (!asked) {
    return { range: { from: addDays(today, 1 - DEFAULT_DAYS), to: today }, reply: null };
  }
  const submission = parseWithZod(params, { schema: LogRangeSchema });
  if (submission.status !== 'success') return { range: null, reply: submission.reply() };
  return { range: submission.value as LogRange, reply: null };
}

/** The range as the log's form puts it in a URL (from.day=1&from.month=11…). */
function rangeQuery(range: LogRange): string {
  const params = new URLSearchParams();
  for (const [name, iso] of [
    ['from', range.from],
    ['to', range.to],
  ] as const) {
    for (const [part, value] of Object.entries(dateParts(iso) ?? {})) {
      params.set(`${name}.${part}`, value);
    }
  }
  return params.toString();
}

/** Where the CSV of this range downloads from. */
export function logCsvHref(range: LogRange): string {
  return `/job-search-log.csv?${rangeQuery(range)}`;
}

/** The download's file name: job-search-log-2026-11-15-to-2026-11-28.csv. */
export function logCsvName(range: LogRange): string {
  return `job-search-log-${range.from}-to-${range.to}.csv`;
}
