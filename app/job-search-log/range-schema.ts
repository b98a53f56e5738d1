// The job-search log's date range, read from its URL: from and to as GOV.UK date inputs, checked
// like every other date, defaulting to the last 14 days.
import { parseWithZod } from '@conform-to/zod';
import { z } from 'zod';
import { daysBetween, MAX_DATE, MIN_DATE } from '~/applications/dates';
import { datePartsSchema } from '~/components/forms/date-schema';
import { defaultLogRange, MAX_RANGE_DAYS, rangeFields, type LogRange } from './log-query';

/** The range form's schema, fields in page order. */
export const LogRangeSchema = z
  .object({
    from: datePartsSchema('From', { min: MIN_DATE, max: MAX_DATE }),
    to: datePartsSchema('To', { min: MIN_DATE, max: MAX_DATE }),
  })
  .superRefine((range, ctx) => {
    if (range.from === undefined)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter the first day of the log' });
    if (range.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter the last day of the log' });
    // A date refused above arrives here as zod's NEVER, not text: it has its own message already.
    if (typeof range.from !== 'string' || typeof range.to !== 'string') return;
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

/** The range in the URL, the default when it asks for none, or Conform's reply to show its errors. */
export function parseLogRange(params: URLSearchParams, today: string) {
  const fields = rangeFields(params);
  if (fields.length === 0) return { range: defaultLogRange(today), reply: null };
  const submission = parseWithZod(new URLSearchParams(fields), { schema: LogRangeSchema });
  if (submission.status !== 'success') return { range: null, reply: submission.reply() };
  return { range: submission.value as LogRange, reply: null };
}
