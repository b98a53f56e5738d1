// The job-search log as a spreadsheet: the same rows as the page for the same dates, one line each.
// Browser-safe: guest mode makes the file in the browser.
import { csvText } from '~/portability/csv';
import type { LogRow } from './rows';

const HEADERS = ['Date', 'What I did', 'Job', 'Employer', 'Where I found it', 'Reference'];

/** The log's rows as CSV (ISO dates, formula-safe cells; see csvText). */
export function logCsv(rows: LogRow[]): string {
  return csvText(
    HEADERS,
    rows.map((r) => [r.day, r.action, r.role, r.company, r.source ?? '', r.reference ?? '']),
  );
}
