// The zod half of the GOV.UK date input (see ./date-parts): each part read and refused with
// GOV.UK's wording. Apart from date-parts.ts so that a page drawing a date input loads no zod.
import { z } from 'zod';
import { DATE_PARTS, MONTH_NAMES, type DatePart } from './date-parts';

// GOV.UK: let people type the month as a word ("Nov", "November") as well as a number.
function monthNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase().replace(/\.$/, '');
  const word = lower === 'sept' ? 'sep' : lower;
  if (word.length < 3) return NaN;
  const found = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return found === -1 ? NaN : found + 1;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "day", "month and year": as a sentence lists them. */
const list = (parts: string[]) => new Intl.ListFormat('en-GB').format(parts);

type Rules = {
  /** Earliest and latest dates accepted, YYYY-MM-DD. */
  min: string;
  max: string;
  /** A latest date that moves (tomorrow, say), with the message when it is passed. */
  notAfter?: () => { date: string; message: string };
  /** The message for a date left empty, when one must be given (requiredDateSchema). */
  required?: string;
};

/**
 * A zod schema for a day/month/year date input named `label`: optional unless `rules.required`,
 * read into YYYY-MM-DD. Each error is reported on the whole date (the message beside it) and on
 * the parts at fault (marked in error, first one focused), so the person sees which box to fix.
 */
export function datePartsSchema(label: string, rules: Rules) {
  const part = z.string().trim().max(20, `${label} must be a real date`).optional();
  return z
    .object({ day: part, month: part, year: part })
    .optional()
    .transform((value, ctx): string | undefined => {
      const typed = {
        day: value?.day?.trim() ?? '',
        month: value?.month?.trim() ?? '',
        year: value?.year?.trim() ?? '',
      };
      const fail = (message: string, parts: readonly DatePart[]) => {
        // Parts first: the first error a form meets is the box that takes focus.
        for (const p of parts) ctx.addIssue({ code: 'custom', message, path: [p] });
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      const missing = DATE_PARTS.filter((p) => typed[p] === '');
      if (missing.length === 3)
        return rules.required ? fail(rules.required, DATE_PARTS) : undefined;
      if (missing.length > 0) return fail(`${label} must include a ${list(missing)}`, missing);

      const day = /^\d{1,2}$/.test(typed.day) ? Number(typed.day) : NaN;
      const month = monthNumber(typed.month);
      const year = /^\d+$/.test(typed.year) ? Number(typed.year) : NaN;
      const wrong: DatePart[] = [];
      if (!(day >= 1 && day <= 31)) wrong.push('day');
      if (!(month >= 1 && month <= 12)) wrong.push('month');
      if (Number.isNaN(year)) wrong.push('year');
      if (wrong.length > 0) return fail(`${label} must be a real date`, wrong);
      if (typed.year.length !== 4) return fail(`${label}: the year must have 4 numbers`, ['year']);
      if (day > daysIn(year, month)) return fail(`${label} must be a real date`, ['day']);

      const iso = `${typed.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (iso < rules.min || iso > rules.max) {
        return fail(
          `${label} must be between ${rules.min.slice(0, 4)} and ${rules.max.slice(0, 4)}`,
          ['year'],
        );
      }
      const latest = rules.notAfter?.();
      if (latest && iso > latest.date) return fail(latest.message, DATE_PARTS);
      return iso;
    });
}

/**
 * A date that must be given, read as a day. Its emptiness is checked with the field's own checks,
 * so an empty form hears about the date at once, not after the rest is put right.
 */
export function requiredDateSchema(label: string, rules: Rules & { required: string }) {
  return datePartsSchema(label, rules).refine((day): day is string => day !== undefined);
}
