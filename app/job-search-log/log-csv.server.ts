// The job-search log as a spreadsheet: the same entries as the page for the same dates, one row each.
import { csvText } from '~/portability/csv';
import type { LogEntry } from './log.server';
import { actionFor } from './wording';

const HEADERS = ['Date', 'What I did', 'Job', 'Employer', 'Where I found it', 'Reference'];

/** The log's entries as CSV (ISO dates, formula-safe cells; see csvText). */
export function logCsv(entries: LogEntry[]): string {
  return csvText(
    HEADERS,
    entries.map((e) => [
      e.day,
      actionFor(e.from, e.to),
      e.role,
      e.company,
      e.source ?? '',
      e.reference ?? '',
    ]),
  );
}
