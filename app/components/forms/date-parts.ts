// The GOV.UK date input's rules, for any form: a date typed as day, month and year, each part sent
// as typed (nothing is lost to a browser date picker that turns 31 February into an empty value),
// read into YYYY-MM-DD, and refused with GOV.UK's wording beside the field when it cannot be
// (./date-schema holds the zod half, so that drawing a date input loads no zod).

/** The three parts of a date input, in page order. */
export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/**
 * A refusal of a whole date found after the schema passed it (by the database, say): the message
 * beside the date and on its three boxes, as the schema's own date errors are.
 */
export function wholeDateErrors(name: string, message: string): Record<string, string[]> {
  return Object.fromEntries(
    [...DATE_PARTS.map((p) => `${name}.${p}`), name].map((key) => [key, [message]]),
  );
}

/** A date as its form parts; what an edit form opens with. Empty for none. */
export function dateParts(iso: string | null | undefined): Record<DatePart, string> | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return undefined;
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

/** The months' names, lower case, January first: how a date's month may be written as a word. */
export const MONTH_NAMES = [
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
