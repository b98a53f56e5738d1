// A spreadsheet's CSV text as a table: a header row and the rows under it, with the limits that keep
// an import bounded. Parsing is papaparse's (a maintained parser: quoted cells, line breaks inside
// cells, commas, tabs or semicolons). Browser-safe.
import Papa from 'papaparse';
import { MAX_COLUMNS, MAX_ROWS } from './schema';

/** A file read as a table: headers and rows of cells, each row as long as the header. */
export type Table = { headers: string[]; rows: string[][]; rowNumbers: number[] };

export type ReadTable = { ok: true; table: Table } | { ok: false; message: string };

const NOTHING = 'Nothing was imported.';

// Windows-1252's characters for the bytes 0x80–0x9F (Excel's "CSV" on a UK Windows PC saves in
// it): the euro sign, curly quotes, dashes and the like. 0xA0–0xFF are the same as Latin-1.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * A file's bytes as text: UTF-8 (with or without a byte order mark), else Windows-1252, which is
 * what older Excel saves a "£" in. Null for a file that is not text at all (it holds NUL bytes).
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let text = '';
    for (const byte of bytes) {
      text += byte >= 0x80 && byte < 0xa0 ? CP1252[byte - 0x80] : String.fromCharCode(byte);
    }
    return text;
  }
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The table a CSV text holds, or a message a person can act on: no header row, a quote left open, too
 * many rows or columns. Empty lines are skipped; a row with fewer cells than the header is padded,
 * one with more keeps its extra cells out of the table (the rows step reports it).
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
  const parsed = Papa.parse<string[]>(clean, {
    skipEmptyLines: 'greedy',
    // One more row than the limit (and the header), so "too many" is known without reading them all.
    preview: MAX_ROWS + 2,
  });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const at = broken.row === undefined ? '' : ` (row ${broken.row + 1})`;
    return {
      ok: false,
      message: `This file is not a readable CSV file: a quote mark is not closed${at}. Save it from your spreadsheet as CSV again. ${NOTHING}`,
    };
  }
  const [head, ...body] = parsed.data;
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
  if (body.length > MAX_ROWS) {
    return {
      ok: false,
      message: `This file has more than ${plural(MAX_ROWS, 'row', 'rows')}; JobTrack imports up to ${MAX_ROWS.toLocaleString('en-GB')} at a time. Split it into smaller files. ${NOTHING}`,
    };
  }
  if (body.length === 0) {
    return { ok: false, message: `This file has a header row but no rows under it. ${NOTHING}` };
  }
  // A heading longer than any real one is cut short: it is shown and matched, never stored.
  const headers = head.map((h, i) => h.trim().slice(0, 100) || `Column ${i + 1}`);
  const width = headers.length;
  // Numbered as a spreadsheet shows them (the header is row 1), counting only the lines Papa kept.
  const rows = body.map((row) =>
    row.length >= width ? row : [...row, ...Array(width - row.length).fill('')],
  );
  return { ok: true, table: { headers, rows, rowNumbers: body.map((_, i) => i + 2) } };
}
