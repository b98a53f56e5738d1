// Reading one cell of a spreadsheet as a JobTrack value: dates as the UK writes them (or ISO), a
// status as the nearest of ours, salaries in pounds, yes and no. Browser-safe, no server imports.
import { isRealIsoDate } from '~/applications/dates';
import { parsePounds } from '~/applications/salary';
import { STATUS_LABELS, type Status } from '~/applications/statuses';
import { MONTH_NAMES } from '~/components/forms/date-parts';
import type { DateOrder } from './steps';
import { shorten } from '../shorten';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
// "27 Nov 2026", "27th November 2026", "Wed 27 Nov 2026", "Nov 27, 2026", "November 27 2026".
const DAY_MONTH = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const MONTH_DAY = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

/** A date cell read: the date, nothing, or why it cannot be read. */
export type DateCell = { date: string | null } | { problem: string };

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function monthNumber(name: string): number | null {
  const word = name.toLowerCase();
  // "Nov", "November" and "Sept"; nothing else counts as a month.
  const i = MONTH_NAMES.findIndex((full) => full === word || full.slice(0, 3) === word);
  if (i >= 0) return i + 1;
  return word === 'sept' ? 9 : null;
}

function fullYear(text: string): number {
  const year = Number(text);
  // Two-digit years are this century: a job search is never in the 1900s.
  return text.length === 2 ? 2000 + year : year;
}

/** Which orders a slashed date could be read in: [day-first reading, month-first reading]. */
export function slashReadings(text: string): { dmy: string | null; mdy: string | null } | null {
  const m = NUMERIC.exec(text.trim());
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
  const dmy = iso(y, b, a);
  const mdy = iso(y, a, b);
  return { dmy: isRealIsoDate(dmy) ? dmy : null, mdy: isRealIsoDate(mdy) ? mdy : null };
}

/**
 * A date written as ISO (2026-11-27, or a timestamp whose date is taken), in words (27 Nov 2026,
 * Nov 27, 2026), or with slashes, dots or dashes in the file's order. An empty cell is no date.
 */
export function readDate(text: string, order: DateOrder): DateCell {
  const value = text.trim();
  if (!value) return { date: null };
  // No date is longer; a long cell is not read by the patterns below at all.
  if (value.length > 40) return { problem: `“${shorten(value)}” is not a date` };
  const isoMatch = ISO.exec(value);
  if (isoMatch) {
    const date = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return isRealIsoDate(date) ? { date } : { problem: `“${value}” is not a real date` };
  }
  const slashed = slashReadings(value);
  if (slashed) {
    const date = slashed[order];
    if (date) return { date };
    const [chosen, other] =
      order === 'dmy' ? ['day first', 'month first (US)'] : ['month first', 'day first (UK)'];
    return {
      problem: slashed[order === 'dmy' ? 'mdy' : 'dmy']
        ? `“${value}” is not a date written ${chosen}; it may be ${other}`
        : `“${value}” is not a real date`,
    };
  }
  const dayMonth = DAY_MONTH.exec(value);
  const monthDay = dayMonth ? null : MONTH_DAY.exec(value);
  const parts = dayMonth
    ? { day: dayMonth[1]!, month: dayMonth[2]!, year: dayMonth[3]! }
    : monthDay
      ? { day: monthDay[2]!, month: monthDay[1]!, year: monthDay[3]! }
      : null;
  const month = parts ? monthNumber(parts.month) : null;
  if (parts && month) {
    const date = iso(Number(parts.year), month, Number(parts.day));
    if (isRealIsoDate(date)) return { date };
  }
  // The example follows the file's order: 27/11/2026 is not a date in a month-first file.
  const example = order === 'dmy' ? '27/11/2026' : '11/27/2026';
  return { problem: `“${value}” is not a date JobTrack can read: write it like ${example}` };
}

/**
 * The order a file's slashed dates are written in, judged from the dates only one order can read
 * (25/11/2026 is day first; 11/25/2026 month first): day first unless only month first fits, and
 * `mixed` when the file has both, so its ambiguous dates must not be guessed.
 */
export function guessDateOrder(values: Iterable<string>): { order: DateOrder; mixed: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const r = slashReadings(value);
    if (!r) continue;
    if (r.dmy && !r.mdy) dayFirst = true;
    if (r.mdy && !r.dmy) monthFirst = true;
  }
  return { order: monthFirst && !dayFirst ? 'mdy' : 'dmy', mixed: dayFirst && monthFirst };
}

/** True when a slashed date reads as two different days (03/04/2026), so its order matters. */
export function isAmbiguousDate(text: string): boolean {
  const r = slashReadings(text);
  return Boolean(r?.dmy && r.mdy && r.dmy !== r.mdy);
}

// Words trackers and spreadsheets use for each stage, normalised (lower case, single spaces).
const STATUS_WORDS: Array<[Status, string[]]> = [
  [
    'saved',
    [
      'saved',
      'applying',
      'wishlist',
      'wish list',
      'bookmarked',
      'interested',
      'to apply',
      'not applied',
      'not yet applied',
      'planning',
      'planned',
      'draft',
      'researching',
      'want to apply',
      'shortlist',
      'considering',
      'new',
      'idea',
    ],
  ],
  [
    'applied',
    [
      'applied',
      'application sent',
      'sent',
      'submitted',
      'application submitted',
      'pending',
      'in review',
      'under review',
      'awaiting response',
      'waiting',
      'in progress',
      'acknowledged',
    ],
  ],
  [
    'interviewing',
    [
      'interviewing',
      'interview',
      'interviews',
      'phone screen',
      'screening',
      'shortlisted',
      'assessment',
      'assessment centre',
      'assessment center',
      'first interview',
      'second interview',
      'final interview',
      'technical test',
      'invited to interview',
      'interview booked',
    ],
  ],
  [
    'offer',
    [
      'offer',
      'offered',
      'negotiating',
      'negotiation',
      'offer received',
      'conditional offer',
      'job offer',
      'provisional offer',
    ],
  ],
  [
    'accepted',
    ['accepted', 'offer accepted', 'hired', 'started', 'job accepted', 'success', 'successful'],
  ],
  [
    'rejected',
    [
      'rejected',
      'unsuccessful',
      'not successful',
      'declined',
      'not selected',
      'turned down',
      'no',
      'rejection',
      'not progressed',
      'not shortlisted',
    ],
  ],
  [
    'withdrawn',
    [
      'withdrawn',
      'withdrew',
      'withdrawn application',
      'declined offer',
      'offer declined',
      'not interested',
      'no longer interested',
      'archived',
      'cancelled',
    ],
  ],
  ['ghosted', ['ghosted', 'no response', 'no reply', 'no answer', 'no news', 'heard nothing']],
];
const EXACT = new Map<string, Status>(
  STATUS_WORDS.flatMap(([s, words]) => words.map((w) => [w, s])),
);
// Tried in order on a status no list knows: a word inside it points at the nearest of ours.
const HINTS: Array<[RegExp, Status]> = [
  [/withdr|declined offer|no longer/, 'withdrawn'],
  [/accept|hired|start/, 'accepted'],
  [/offer/, 'offer'],
  [/reject|unsuccess|declin|not (?:selected|progress|shortlist)/, 'rejected'],
  [/ghost|no (?:response|reply|answer)/, 'ghosted'],
  [/interview|screen|assess|shortlist|test/, 'interviewing'],
  [/appl|sent|submit|review|pending|wait/, 'applied'],
  [/wish|save|bookmark|interest|plan|draft/, 'saved'],
];

/** How a status cell was read: the status and whether it was a word we know or only the nearest. */
export type StatusReading = { status: Status; known: boolean };

/**
 * The nearest of JobTrack's eight statuses to a tracker's stage name; an empty or unknown one is
 * Applied when the row has a date applied, else Saved (and `known` is false, so the preview says so).
 */
export function readStatus(text: string, hasDateApplied: boolean): StatusReading {
  const words = text
    .slice(0, 100)
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  const exact = EXACT.get(words);
  if (exact) return { status: exact, known: true };
  const hint = words ? HINTS.find(([pattern]) => pattern.test(words)) : undefined;
  if (hint) return { status: hint[1], known: false };
  return { status: hasDateApplied ? 'applied' : 'saved', known: !words };
}

/** True when a status cell says exactly one of our own labels ("Applied"), so nothing was guessed. */
export function isOwnLabel(text: string): boolean {
  return Object.values(STATUS_LABELS).some(
    (label) => label.toLowerCase() === text.trim().toLowerCase(),
  );
}

/** A salary cell read: whole pounds a year, or a note when it is not a yearly figure. */
export type SalaryCell = { min: number | null; max: number | null; note: string | null };

const PER_PERIOD =
  /\b(?:per|an?|p)\s*\/?\s*(?:hour|hr|day|week|wk|month|mth)\b|\/\s*(?:hour|hr|day|week|month)\b|\bp\.?h\.?\b|\bhourly\b|\bdaily\b|\bweekly\b|\bmonthly\b/i;
const AMOUNT = /£?\s*\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?\s*k?|£?\s*\d+(?:\.\d{1,2})?\s*k?/gi;
const ANNUAL_WORDS =
  /^(?:\s|£|gbp|to|-|–|—|and|per annum|pa|p\.a\.|a year|per year|annual|annually|salary|from|up to|upto|\+)*$/i;

/**
 * A salary as the advert wrote it: "£28,407 - £34,581", "£30k–£35k a year", "32000", "Up to
 * £40,000". Figures a year become from and to; an hourly or daily rate, or words the figures cannot
 * hold ("pro rata", "plus London weighting"), are kept as the note, as typed.
 */
export function readSalary(text: string): SalaryCell {
  const value = text.trim();
  if (!value) return { min: null, max: null, note: null };
  // Longer than any salary: kept as the note (whose limit then refuses it), never pattern-matched.
  if (value.length > 200) return { min: null, max: null, note: value };
  if (PER_PERIOD.test(value)) return { min: null, max: null, note: value };
  const amounts = [...value.matchAll(AMOUNT)].map((m) => m[0].trim()).filter((a) => /\d/.test(a));
  const figures = amounts.map((a) => parsePounds(a.replace(/\s+/g, '')));
  const rest = value.replace(AMOUNT, ' ');
  const plain = ANNUAL_WORDS.test(rest);
  // "Up to £40,000" is a maximum only.
  const upTo = /up\s*to/i.test(value);
  if (figures.length === 0 || figures.length > 2 || figures.some((f) => f === null || f < 1000)) {
    return { min: null, max: null, note: value };
  }
  const [a, b] = figures as number[];
  let range: { min: number | null; max: number | null };
  if (b !== undefined) range = { min: Math.min(a!, b), max: Math.max(a!, b) };
  else if (upTo) range = { min: null, max: a! };
  else if (/\bfrom\b/i.test(value)) range = { min: a!, max: null };
  else range = { min: a!, max: a! };
  // What the figures cannot say ("pro rata", "plus London weighting") stays as the note.
  const words = rest
    .replace(/\b(?:to|and|from|up\s*to|upto|per\s+annum|p\.?a\.?|a\s+year|per\s+year|gbp)\b/gi, ' ')
    .replace(/^[\s\-–—,;:/+]+|[\s\-–—,;:/+]+$/g, '')
    .replace(/\s+/g, ' ');
  return { ...range, note: plain || !words ? null : words };
}

/** Yes or no as a spreadsheet writes it; null for an empty cell, undefined for anything else. */
export function readYesNo(text: string): boolean | null | undefined {
  const value = text.trim().toLowerCase();
  if (!value) return null;
  if (['yes', 'y', 'true', '1', 'x', '✓', '✔'].includes(value)) return true;
  if (['no', 'n', 'false', '0'].includes(value)) return false;
  return undefined;
}
