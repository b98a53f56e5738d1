// The CSV import's steps, limits and messages, apart from its schemas so that pages showing them
// load no zod (./schema re-exports them for the server).

/** How a file writes dates with slashes: 03/04/2026 is 3 April (UK) or 4 March (US). */
export type DateOrder = 'dmy' | 'mdy';

export const DATE_ORDER_OPTIONS: ReadonlyArray<{ value: DateOrder; label: string }> = [
  { value: 'dmy', label: 'Day first, as in the UK (27/11/2026)' },
  { value: 'mdy', label: 'Month first, as in the US (11/27/2026)' },
];

/** The most rows (under the header) one import takes. */
export const MAX_ROWS = 5000;
/** The most columns a file may have: far more than any tracker exports. */
export const MAX_COLUMNS = 60;
/** The largest file an import takes, in bytes (as the JSON import). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export const CHOOSE_CSV = 'Choose the CSV file to import';
export const CSV_EMPTY =
  'The file you chose is empty: check it is the one you saved from your spreadsheet. Nothing was imported.';
export const CSV_TOO_LARGE =
  'That file is larger than 5 MB: JobTrack imports up to 5,000 rows at a time. Split it into smaller files. Nothing was imported.';
export const CSV_NOT_TEXT =
  'This file is not a CSV file: it holds data that is not text (save it from your spreadsheet as “CSV”). Nothing was imported.';
export const CHOOSE_AGAIN =
  'The preview could not be read back. Choose the file again. Nothing was imported.';

/** The mapping as one text, kept in the preview's form to tell whether it changed before "Add". */
export function previewedAs(columns: readonly string[], dateOrder: string): string {
  return `${columns.join(',')}|${dateOrder}`;
}

/** Names of the steps' buttons (`intent`). */
export const CSV_PREVIEW = 'preview';
export const CSV_REMAP = 'remap';
export const CSV_CONFIRM = 'confirm';
