// The GOV.UK date input's rules, for any form: a date typed as day, month and year, each part sent
// as typed (nothing is lost to a browser date picker that turns 31 February into an empty value),
// read into YYYY-MM-DD, and refused with GOV.UK's wording beside the field when it cannot be.
import { z } from 'zod';

/** The three parts of a date input, in page order. */
export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** A date as its form parts; what an edit form opens with. Empty for none. */
export function dateParts(iso: string | null | undefined): Record<DatePart, string> | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return undefined;
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

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

const list = (parts: string[]) =>
  parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

type Rules = {
  /** Earliest and latest dates accepted, YYYY-MM-DD. */
  min: string;
  max: string;
  /** A latest date that moves (tomorrow, say), with the message when it is passed. */
  notAfter?: () => { date: string; message: string };
};

/**
 * A zod schema for a day/month/year date input named `label`: optional, read into YYYY-MM-DD. Each
 * error is reported on the whole date (the message beside it) and on the parts at fault (marked in
 * error, first one focused), so the person sees which box to fix.
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
      if (missing.length === 3) return undefined;
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
