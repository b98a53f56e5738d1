// The job-search log's date range and its limits, as the page and the CSV put them in a URL (a
// plain GET form); ./range-schema reads a range back from one.
import { addDays } from '~/applications/dates';
import { dateParts } from '~/components/forms/date-parts';

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

/** The days the log covers, both included (YYYY-MM-DD). */
export type LogRange = { from: string; to: string };

/** The range shown when the URL asks for none: the last `DEFAULT_DAYS` days, today included. */
export function defaultLogRange(today: string): LogRange {
  return { from: addDays(today, 1 - DEFAULT_DAYS), to: today };
}

/**
 * The range's own fields in a URL's query or fragment, by their exact names. Only these are read:
 * Conform would also read its reserved ones, throw on junk in them and send them back in its reply,
 * however deep they nest (form.server.ts), and makes an array as long as a path asks for
 * (`from.day[4294967294]` took minutes).
 */
export function rangeFields(params: URLSearchParams): Array<[name: string, value: string]> {
  return [...params].filter(([key]) => /^(from|to)\.(day|month|year)$/.test(key));
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
