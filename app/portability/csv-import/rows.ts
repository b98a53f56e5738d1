// A table's rows as applications, with a mapping the person chose: what will be added, what cannot
// be and why, and how each status was read. Each application gets an id made from what identifies
// it (decision 027), or the one a JobTrack export's own column gives, so the same row imported
// again is recognised and skipped. Browser-safe.
import { isUuid } from '~/http/uuid';
import { parseClockTime } from '~/applications/closing';
import { isWebAddress, withScheme } from '~/applications/web-address';
import { parsePounds } from '~/applications/salary';
import { STATUS_LABELS, type Status } from '~/applications/statuses';
import { isAnswer } from '~/applications/history-date';
import { ExportedApplicationSchema, type ExportedApplication } from '../format';
import {
  isAmbiguousDate,
  readDate,
  readSalary,
  readStatus,
  readYesNo,
  slashReadings,
} from './cells';
import { shorten } from '../shorten';
import { TARGET_LABELS, type ColumnChoice, type Target } from './columns';
import type { Table } from './read';
import type { DateOrder } from './steps';
import type { ZodIssue } from 'zod';
import { addDays, formatDate, todayInLondon } from '~/applications/dates';

/** A row that will be added: its number in the file and the application it becomes. */
export type RowToAdd = { row: number; application: ExportedApplication };
/** A row that will not be added, and every reason. */
export type RowProblem = { row: number; company: string; role: string; messages: string[] };
/** How the values of the status column were read, with how many rows said each. */
export type StatusRead = { text: string; status: Status; known: boolean; rows: number };

export type MappedRows = {
  add: RowToAdd[];
  problems: RowProblem[];
  /** Rows identical (company, role, dates, place, link, reference) to an earlier row: added once. */
  repeats: Array<{ row: number; of: number }>;
  statuses: StatusRead[];
};

type Options = { order: DateOrder; mixedOrder: boolean; now: Date };

// Which field a message about a schema path is about, in the preview's words.
const FIELD_LABEL: Record<string, string> = {
  ...TARGET_LABELS,
  role: 'Role',
  // Only the status date gives the history a day the row's other fields do not check.
  statusHistory: TARGET_LABELS.statusDate,
};

const collapse = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The id a row is imported under: a UUID-shaped SHA-256 of what identifies the application (company,
 * role, location, reference, link, date applied, closing date), normalised, so the same row in a
 * later copy of the spreadsheet (its status or notes since changed) is still the same application.
 */
export async function rowId(a: {
  company: string;
  role: string;
  location: string | null;
  reference: string | null;
  advertUrl: string | null;
  dateApplied: string | null;
  closingDate: string | null;
}): Promise<string> {
  const key = [
    'jobtrack-csv-1',
    a.company,
    a.role,
    a.location ?? '',
    a.reference ?? '',
    a.advertUrl ?? '',
    a.dateApplied ?? '',
    a.closingDate ?? '',
  ]
    .map(collapse)
    .join('\u001f');
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)),
  );
  // Version 8 ("custom") and the RFC 9562 variant, so the id is a well-formed UUID.
  digest[6] = (digest[6]! & 0x0f) | 0x80;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The cells of one row by target; notes from several columns as "Header: value" lines. */
function cellsOf(row: string[], headers: string[], choices: readonly ColumnChoice[]) {
  const cells = new Map<Target, string>();
  const notes: Array<[string, string]> = [];
  choices.forEach((choice, i) => {
    if (choice === 'ignore') return;
    const value = row[i] ?? '';
    if (choice === 'notes') {
      if (value.trim()) notes.push([headers[i]!, value]);
    } else cells.set(choice, value);
  });
  const notesText =
    notes.length === 1
      ? notes[0]![1]
      : notes.map(([header, value]) => `${header}: ${value}`).join('\n');
  return { get: (target: Target) => cells.get(target) ?? '', notes: notesText };
}

function webAddress(text: string): { url: string | null } | { problem: string } {
  const value = text.trim();
  if (!value) return { url: null };
  // "www.nhsjobs.com/…" as people paste it: a scheme is assumed, not required.
  const url = withScheme(value);
  if (!/\s/.test(value) && isWebAddress(url) && new URL(url).hostname.includes('.')) return { url };
  return { problem: `Job advert link “${shorten(value)}” is not a web address` };
}

function schemaMessage(issue: ZodIssue): string {
  const field = String(issue.path[0] ?? '');
  const label = FIELD_LABEL[field] ?? field;
  if (issue.code === 'too_big' && issue.type === 'string') {
    return `${label} is longer than ${Number(issue.maximum).toLocaleString('en-GB')} characters`;
  }
  if (issue.code === 'too_big' && issue.type === 'number')
    return `${label} is more than £9,999,999`;
  return `${label}: ${issue.message}`;
}

/** One row as an application without its id, or its problems. */
function readRow(
  row: string[],
  table: Table,
  choices: readonly ColumnChoice[],
  options: Options,
):
  | { ok: true; value: Omit<ExportedApplication, 'id'>; statusText: string; known: boolean }
  | { ok: false; messages: string[]; company: string; role: string } {
  const cell = cellsOf(row, table.headers, choices);
  const messages: string[] = [];
  if (row.length > table.headers.length) {
    messages.push(
      `It has ${row.length} cells but the header has ${table.headers.length}: a comma inside a cell may be missing its quote marks`,
    );
  }
  const date = (target: 'dateApplied' | 'statusDate' | 'closingDate') => {
    const text = cell.get(target);
    if (options.mixedOrder && isAmbiguousDate(text)) {
      const r = slashReadings(text)!;
      messages.push(
        `${TARGET_LABELS[target]} “${shorten(text)}” could be ${formatDate(r.dmy)} or ${formatDate(r.mdy)}, and this file has dates written both ways: write it like 2026-11-27`,
      );
      return null;
    }
    const read = readDate(text, options.order);
    if ('problem' in read) {
      messages.push(`${TARGET_LABELS[target]}: ${read.problem}`);
      return null;
    }
    return read.date;
  };
  // A row is a new record, as the form makes one, so its days are held to the form's rule (with
  // its day of slack); the export format itself has no such rule, as it also reads what was saved
  // before.
  const tomorrow = addDays(todayInLondon(options.now), 1);
  const pastDate = (target: 'dateApplied' | 'statusDate') => {
    const day = date(target);
    if (day && day > tomorrow)
      messages.push(
        `${TARGET_LABELS[target]} ${formatDate(day)} is in the future: it must be today or in the past`,
      );
    return day;
  };
  const dateApplied = pastDate('dateApplied');
  const closingDate = date('closingDate');

  const timeText = cell.get('closingTime').trim();
  const closingTime = timeText && timeText.length <= 20 ? parseClockTime(timeText) : null;
  if (timeText && !closingTime)
    messages.push(`Closing time “${shorten(timeText)}” is not a time like 23:55`);

  const early = readYesNo(cell.get('mayCloseEarly'));
  if (early === undefined)
    messages.push(`May close early “${shorten(cell.get('mayCloseEarly'))}” is not yes or no`);

  const salary = readSalary(cell.get('salary'));
  const pounds = (target: 'salaryMin' | 'salaryMax') => {
    const text = cell.get(target).trim();
    if (!text) return null;
    const amount = text.length <= 30 ? parsePounds(text) : null;
    if (amount === null)
      messages.push(`${TARGET_LABELS[target]} “${shorten(text)}” is not an amount in pounds`);
    return amount;
  };
  const salaryMin = salary.min ?? pounds('salaryMin');
  const salaryMax = salary.max ?? pounds('salaryMax');
  const salaryNote =
    [salary.note, cell.get('salaryNote').trim()].filter(Boolean).join('; ') || null;

  const link = webAddress(cell.get('advertUrl'));
  if ('problem' in link) messages.push(link.problem);

  const statusText = cell.get('status');
  const status = choices.includes('status')
    ? readStatus(statusText, dateApplied !== null)
    : { status: (dateApplied ? 'applied' : 'saved') as Status, known: true };
  // The day it reached its status dates an answer (an interview, an offer, a rejection…), which
  // cannot come before applying; a saved or applied row has no use for it, so it is not read.
  const answerDay = isAnswer(null, status.status) ? pastDate('statusDate') : null;
  if (answerDay && dateApplied && answerDay < dateApplied)
    messages.push(
      `${TARGET_LABELS.statusDate} ${formatDate(answerDay)} is before the date applied, ${formatDate(dateApplied)}`,
    );
  const text = (target: Target) => cell.get(target).trim() || null;
  const company = cell.get('company').trim();
  const role = cell.get('role').trim();
  if (!company) messages.push('It has no company');
  if (!role) messages.push('It has no role (job title)');
  if (messages.length > 0) return { ok: false, messages, company, role };

  const at = options.now.toISOString();
  // A move past Applied is dated the day the file says it reached its status, or else the day
  // applied, the best day the file gives: dated the import day it would put hundreds of things in
  // the job-search log that did not happen that day (decision 027). Applied is recorded a
  // millisecond first, so the log lists the two in order.
  const appliedAt = new Date(options.now.getTime() - 1).toISOString();
  const history: ExportedApplication['statusHistory'] =
    dateApplied && status.status !== 'saved'
      ? [
          { from: null, to: 'applied', at: appliedAt, on: dateApplied },
          ...(status.status === 'applied'
            ? []
            : [{ from: 'applied' as Status, to: status.status, at, on: answerDay ?? dateApplied }]),
        ]
      : [{ from: null, to: status.status, at, on: answerDay }];
  const raw = {
    id: '00000000-0000-4000-8000-000000000000',
    company,
    role,
    status: status.status,
    dateApplied,
    closingDate,
    closingTime: closingDate ? closingTime : null,
    mayCloseEarly: early ?? false,
    advertUrl: 'url' in link ? link.url : null,
    location: text('location'),
    salaryMin,
    salaryMax,
    salaryNote,
    source: text('source'),
    reference: text('reference'),
    grade: text('grade'),
    notes: cell.notes.trim() ? cell.notes : null,
    createdAt: at,
    updatedAt: at,
    statusHistory: history,
    statements: [],
  };
  // The export format's own checks: every limit the forms have (lengths, £9,999,999, from not
  // above to), so a CSV row is held to what a JSON file is.
  const checked = ExportedApplicationSchema.safeParse(raw);
  if (!checked.success) {
    return {
      ok: false,
      messages: checked.error.issues.map(schemaMessage),
      company,
      role,
    };
  }
  const { id: _placeholder, ...value } = checked.data;
  return { ok: true, value, statusText, known: status.known };
}

/**
 * The application's id from a JobTrack export's own column: the application it was exported from
 * (in this account or another), so it is recognised as the JSON import recognises it, whatever
 * else in the row has been edited since. Null when the column is not chosen or the cell is empty;
 * `notOurs` for a cell that is not an id JobTrack made (its row is listed as a problem, not guessed
 * at: added as new, it could be a second copy of an application already held).
 */
function jobtrackIdOf(
  row: string[],
  choices: readonly ColumnChoice[],
): string | null | { notOurs: string } {
  const column = choices.indexOf('jobtrackId');
  const value = column < 0 ? '' : (row[column] ?? '').trim();
  if (value === '') return null;
  return isUuid(value) ? value.toLowerCase() : { notOurs: value };
}

/**
 * Every row of the table read with the person's mapping and date order. Rows are independent: a
 * problem in one leaves the others as they are. `now` is when the import happens (the history's
 * time; a date applied must not be after London's today).
 */
export async function mapRows(
  table: Table,
  choices: readonly ColumnChoice[],
  options: Options,
): Promise<MappedRows> {
  const add: RowToAdd[] = [];
  const problems: RowProblem[] = [];
  const repeats: MappedRows['repeats'] = [];
  const seen = new Map<string, number>();
  // Each JobTrack id's first row, by what identifies that row (rowId).
  const hashOf = new Map<string, string>();
  const statuses = new Map<string, StatusRead>();
  for (const [i, row] of table.rows.entries()) {
    const number = table.rowNumbers[i]!;
    const read = readRow(row, table, choices, options);
    if (!read.ok) {
      problems.push({
        row: number,
        // Shown beside the row's number only: a long cell is cut as other quoted values are.
        company: shorten(read.company),
        role: shorten(read.role),
        messages: read.messages,
      });
      continue;
    }
    const given = jobtrackIdOf(row, choices);
    if (typeof given === 'object' && given !== null) {
      problems.push({
        row: number,
        company: shorten(read.value.company),
        role: shorten(read.value.role),
        messages: [
          `The JobTrack ID “${shorten(given.notOurs)}” is not one JobTrack made: leave it as exported, or clear it to add this row as a new application`,
        ],
      });
      continue;
    }
    const hash = await rowId(read.value);
    const firstHash = given === null ? undefined : hashOf.get(given);
    if (given !== null && firstHash === undefined) hashOf.set(given, hash);
    // A row copied in the spreadsheet to start another application keeps its original's id: one
    // that says something else than the first row with that id is a new application.
    const id = given === null || (firstHash !== undefined && firstHash !== hash) ? hash : given;
    const first = seen.get(id);
    if (first !== undefined) {
      repeats.push({ row: number, of: first });
      continue;
    }
    seen.set(id, number);
    // Rows keep the file's order in the lists: each a millisecond apart, the last row newest.
    const at = new Date(options.now.getTime() - (table.rows.length - i)).toISOString();
    add.push({ row: number, application: { ...read.value, id, createdAt: at, updatedAt: at } });
    if (choices.includes('status')) {
      const text = read.statusText.trim();
      const key = text.toLowerCase();
      const known = read.known || STATUS_LABELS[read.value.status].toLowerCase() === key;
      const entry = statuses.get(key) ?? { text, status: read.value.status, known, rows: 0 };
      entry.rows += 1;
      statuses.set(key, entry);
    }
  }
  return { add, problems, repeats, statuses: [...statuses.values()] };
}
