// A spreadsheet's CSV text as a table: a header row and the rows under it, with the limits that keep
// an import bounded. Parsing is papaparse's (a maintained parser: quoted cells, line breaks inside
// cells, commas, tabs or semicolons). Browser-safe.
import Papa from 'papaparse';
import { MAX_COLUMNS, MAX_ROWS } from './steps';

/** A file read as a table: headers and rows of cells, each row as long as the header. */
export type Table = { headers: string[]; rows: string[][]; rowNumbers: number[] };

export type ReadTable = { ok: true; table: Table } | { ok: false; message: string };

const NOTHING = 'Nothing was imported.';

// Windows-1252's characters for the bytes 0x80–0x9F (Excel's "CSV" on a UK Windows PC saves in
// it): the euro sign, curly quotes, dashes and the like. 0xA0–0xFF are the same as Latin-1.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_CODES = Uint16Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte < 0xa0 ? CP1252.charCodeAt(byte - 0x80) : byte,
);

/**
 * A file's bytes as text: UTF-8 (with or without a byte order mark), else Windows-1252, which is
 * what older Excel saves a "£" in. Null for a file that is not text at all (it holds NUL bytes).
 * Windows-1252 by a table, in chunks: a string built a character at a time cost seconds on 5 MB,
 * and Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x80 is not "€").
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const codes = new Uint16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) codes[i] = CP1252_CODES[bytes[i]!]!;
    const parts: string[] = [];
    for (let i = 0; i < codes.length; i += 8192) {
      parts.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
    }
    return parts.join('');
  }
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The most cells a file may hold in all (delimiters and line breaks counted before parsing). */
export const MAX_CELLS = 2 * (MAX_COLUMNS + 1) * (MAX_ROWS + 2);
/** A row wider than this is not a row of a tracker: reading stops there. */
export const MAX_ROW_CELLS = 2 * MAX_COLUMNS;

const DELIMITERS = [',', '\t', ';', '|'];

// Cells a text could hold at most: every delimiter and line break counted, quoted or not. A cheap
// scan that bounds the parser's work before it starts.
function cellBound(text: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d || c === 10 || c === 13) n++;
  }
  return n;
}

const tooMany = () =>
  `This file has more than ${plural(MAX_ROWS, 'row', 'rows')}; JobTrack imports up to ${MAX_ROWS.toLocaleString('en-GB')} at a time. Split it into smaller files. ${NOTHING}`;

/**
 * The table a CSV text holds, or a message a person can act on: no header row, a quote left open, too
 * many rows, columns or cells. Empty lines are skipped (numbers still count them, as a spreadsheet
 * does); a row with fewer cells than the header is padded, one with more keeps its extra cells out of
 * the table (the rows step reports it).
 */
export function readCsv(text: string): ReadTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\u0000')) {
    return {
      ok: false,
      message: `This file is not a CSV file: it holds characters that are not text. ${NOTHING}`,
    };
  }
  if (!clean.trim()) {
    return { ok: false, message: `This file is empty. ${NOTHING}` };
  }
  // The delimiter guessed on the file's start only: guessing on all of it doubles the parse.
  const guessed = Papa.parse<string[]>(clean.slice(0, 64 * 1024), {
    preview: 10,
    delimitersToGuess: DELIMITERS,
  }).meta.delimiter;
  const delimiter = DELIMITERS.includes(guessed) ? guessed : ',';
  if (cellBound(clean, delimiter) > MAX_CELLS) {
    return {
      ok: false,
      message: `This file holds far more cells than ${MAX_ROWS.toLocaleString('en-GB')} rows of ${MAX_COLUMNS} columns could. Save it from your spreadsheet as CSV again, or split it into smaller files. ${NOTHING}`,
    };
  }
  const kept: string[][] = [];
  // Each kept row's number as a spreadsheet shows it: records counted, empty ones too (header = 1).
  const numbers: number[] = [];
  let record = 0;
  let refusal: string | null = null;
  Papa.parse<string[]>(clean, {
    delimiter,
    step(result, parser) {
      record++;
      const row = result.data;
      const quotes = result.errors.find((e) => e.type === 'Quotes');
      if (quotes) {
        refusal = `This file is not a readable CSV file: a quote mark is not closed (row ${record}). Save it from your spreadsheet as CSV again. ${NOTHING}`;
        parser.abort();
        return;
      }
      if (row.length > MAX_ROW_CELLS) {
        refusal = `Row ${record} of this file has ${plural(row.length, 'cell', 'cells')}; JobTrack reads up to ${MAX_COLUMNS} columns. ${NOTHING}`;
        parser.abort();
        return;
      }
      // As Papa's 'greedy' would: a row of blanks (",,," from a formatted Excel row) is no row.
      if (row.every((cell) => !cell.trim())) return;
      kept.push(row);
      numbers.push(record);
      // The header and one row past the limit tell "too many" without reading the rest.
      if (kept.length > MAX_ROWS + 1) {
        refusal = tooMany();
        parser.abort();
      }
    },
  });
  if (refusal) return { ok: false, message: refusal };
  const [head, ...body] = kept;
  if (!head || head.every((cell) => !cell.trim())) {
    return { ok: false, message: `This file has no header row naming its columns. ${NOTHING}` };
  }
  if (head.length > MAX_COLUMNS) {
    return {
      ok: false,
      message: `This file has ${plural(head.length, 'column', 'columns')}; JobTrack reads up to ${MAX_COLUMNS}. ${NOTHING}`,
    };
  }
  if (head.length < 2) {
    return {
      ok: false,
      message: `This file has only one column, so it does not look like a CSV file (each row needs at least a company and a role). ${NOTHING}`,
    };
  }
  if (body.length === 0) {
    return { ok: false, message: `This file has a header row but no rows under it. ${NOTHING}` };
  }
  // A heading longer than any real one is cut short: it is shown and matched, never stored.
  const headers = head.map((h, i) => h.trim().slice(0, 100) || `Column ${i + 1}`);
  const width = headers.length;
  const rows = body.map((row) =>
    row.length >= width ? row : [...row, ...Array(width - row.length).fill('')],
  );
  return { ok: true, table: { headers, rows, rowNumbers: numbers.slice(1) } };
}
