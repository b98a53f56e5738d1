// The applications as a spreadsheet: one row each, for Excel and Google Sheets.
import Papa from 'papaparse';
import { dayOf, isAnswer } from '~/applications/history-date';
import { STATUS_LABELS } from '~/applications/statuses';
import type { ExportDocument, ExportedApplication } from './format';

/** Excel reads a CSV as UTF-8 only when it starts with this byte order mark. */
export const BOM = '\uFEFF';

/**
 * The day an application reached its status when that is an answer (an interview, an offer, a
 * rejection…), as its history has it: the spreadsheet import reads it back (csv-import/rows.ts).
 */
function statusDay(a: ExportedApplication): string | null {
  const last = a.statusHistory.at(-1);
  if (!last || last.to !== a.status || !isAnswer(last.from, last.to)) return null;
  return dayOf(last);
}

/** The columns, in order: header, and how each application fills it. */
const COLUMNS: Array<[string, (a: ExportedApplication) => string | number | boolean | null]> = [
  ['Company', (a) => a.company],
  ['Role', (a) => a.role],
  ['Status', (a) => STATUS_LABELS[a.status]],
  ['Date applied', (a) => a.dateApplied],
  ['Date it reached its status', statusDay],
  ['Closing date', (a) => a.closingDate],
  ['Closing time', (a) => a.closingTime],
  ['May close early', (a) => (a.mayCloseEarly ? 'Yes' : 'No')],
  ['Reference', (a) => a.reference],
  ['Band or grade', (a) => a.grade],
  ['Location', (a) => a.location],
  ['Salary from (£ a year)', (a) => a.salaryMin],
  ['Salary to (£ a year)', (a) => a.salaryMax],
  ['Salary note', (a) => a.salaryNote],
  ['Source', (a) => a.source],
  ['Job advert URL', (a) => a.advertUrl],
  ['Notes', (a) => a.notes],
  ['Added', (a) => a.createdAt.slice(0, 10)],
  ['Last updated', (a) => a.updatedAt.slice(0, 10)],
  // The export id, as the JSON file's: the spreadsheet import recognises the application by it.
  ['JobTrack ID', (a) => a.id],
];

// Papa's own pattern for `escapeFormulae: true` ends in `.*$` without the s flag, so it misses a
// multi-line note that starts with "=". Spreadsheets may also skip what they do not show (spaces
// of any kind, format characters such as zero-width spaces, joiners and soft hyphens, control
// characters) and read full-width signs as formula signs, so those count too.
const FORMULA_START = /^[\s\p{Cf}\p{Cc}]*[=+\-@\t\r\n＝＋－＠]/u;

/**
 * The applications as CSV text: a BOM, a header row, one row per application, ISO dates, CRLF
 * line ends, and any cell that a spreadsheet would run as a formula (=, +, -, @, tab, return or a
 * full-width sign at its start, after any spaces) made inert with a leading apostrophe.
 */
export function applicationsCsv(document: ExportDocument): string {
  const rows = document.applications.map((a) => COLUMNS.map(([, cell]) => cell(a) ?? ''));
  return csvText(
    COLUMNS.map(([header]) => header),
    rows,
  );
}

/**
 * Any table as CSV the way the applications' is written: a BOM, a header row, CRLF line ends, and
 * every cell a spreadsheet would run as a formula made inert with a leading apostrophe.
 */
export function csvText(headers: string[], rows: Array<Array<string | number | boolean>>): string {
  return (
    BOM +
    Papa.unparse(
      { fields: headers, data: rows },
      { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
    )
  );
}
