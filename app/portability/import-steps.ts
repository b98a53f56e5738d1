// The JSON import's steps, limits and messages, apart from its schema so that pages showing them
// load no zod (import-schema re-exports them for the server).

/** The largest export file an import takes: far above a real job search (a few hundred KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * A body may hold the file (or, on confirming, its text) plus the form's own fields. The text
 * comes back from a hidden field, where browsers turn each line break into CRLF, so it may be up
 * to twice the file's size; it is measured again once its line breaks are LF (confirmedText).
 */
export const MAX_IMPORT_BODY = 2 * MAX_IMPORT_BYTES + 64 * 1024;

/** The confirmed text as the file held it (LF line breaks), or null when over MAX_IMPORT_BYTES. */
export function confirmedText(value: string): string | null {
  const text = value.replace(/\r\n/g, '\n');
  return new TextEncoder().encode(text).length <= MAX_IMPORT_BYTES ? text : null;
}

export const CHOOSE_FILE = 'Choose the JobTrack export file (.json) to import';
export const FILE_EMPTY =
  'The file you chose is empty: check it is the JobTrack export you downloaded. Nothing was imported.';
export const FILE_TOO_LARGE =
  'That file is larger than 5 MB, so it cannot be a JobTrack export. Nothing was imported.';

/** A spreadsheet given to the JSON import: where it goes instead. */
export const SPREADSHEET_GIVEN =
  'This is a spreadsheet, not a JobTrack export (the .json file from your account page). Import a spreadsheet saved as CSV with "Import a spreadsheet" on your account page. Nothing was imported.';

/** A spreadsheet given to guest mode's backup import, which reads only its own .json files. */
export const SPREADSHEET_GIVEN_TO_GUEST =
  'This is a spreadsheet, not a JobTrack backup (the .json file from "Download a backup"). Guest mode reads back only its own backups; an account can import a spreadsheet with "Import a spreadsheet". Nothing was imported.';

/** True for a file named or typed as a spreadsheet (CSV, Excel, OpenDocument). */
export function isSpreadsheet(file: File): boolean {
  return (
    /\.(csv|tsv|xlsx?|ods)$/i.test(file.name) ||
    /^text\/(csv|tab-separated-values)$/.test(file.type)
  );
}

/** How many of the applications an import would add its preview names. */
export const SAMPLE_SIZE = 20;

/** Names of the two steps' buttons (`intent`). */
export const PREVIEW = 'preview';
export const CONFIRM = 'confirm';

/** The confirm step's field naming the account the preview was shown for. */
export const EXPECTED_ACCOUNT = 'account';
export const ACCOUNT_CHANGED =
  'You are now signed in to a different account from the one this check was for, so nothing was imported. Check again to see what would go into this account.';
