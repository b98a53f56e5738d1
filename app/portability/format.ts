// The JobTrack export format (docs/decisions/024): one zod schema for the account's export, its
// import, and guest mode's storage and move into an account. Free of server imports, so the
// browser can run it too. A file is untrusted input: every text has the same limit as its form.
import { z } from 'zod';
import { LIMITS as APPLICATION_LIMITS } from '~/applications/limits';
import { FORMAT_CAPS, FORMAT_NAME, FORMAT_VERSION } from './format-limits';
import { isWebAddress } from '~/applications/web-address';
import { MAX_DATE, MIN_DATE, isRealIsoDate } from '~/applications/dates';
import { MAX_SALARY } from '~/applications/salary';
import { STATUSES } from '~/applications/statuses';
import { EVENT_LIMITS } from '~/events/limits';
import { EVENT_FORMATS, EVENT_KINDS } from '~/events/kinds';
import { BEHAVIOURS, KINDS, MAX_WORD_LIMIT, MIN_WORD_LIMIT, TONES } from '~/statements/kinds';
import { SHORTFALLS } from '~/statements/messages';
import { shorten } from './shorten';
import {
  LIMITS as STATEMENT_LIMITS,
  MAX_CRITERIA,
  MAX_TOTAL_CHARACTERS,
} from '~/statements/limits';

/** The ghost-after setting's range, as the database's check holds it. */
export const GHOST_WEEKS = { min: 1, max: 52 } as const;

// PostgreSQL cannot store U+0000 in text, so a file holding one is refused here, not by a 500.
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !v.includes('\u0000'), 'a text holding a NUL character (U+0000)');
// As the forms store them: trimmed, and nothing but spaces is no value.
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v?.trim() || null);

const isoDate = z
  .string()
  .refine(
    (v) => isRealIsoDate(v) && v >= MIN_DATE && v <= MAX_DATE,
    `a date like 2026-11-27 between ${MIN_DATE} and ${MAX_DATE}`,
  );
// An offset within ±14:00 (the widest in use) and a moment between MIN_DATE and MAX_DATE, so every
// instant becomes a valid Date the database takes.
const OFFSET = /(?:Z|([+-])(\d{2}):(\d{2}))$/;
const instant = z
  .string()
  .datetime({ offset: true })
  .refine((v) => {
    const offset = OFFSET.exec(v);
    if (!offset) return false;
    const [hours, minutes] = [Number(offset[2] ?? 0), Number(offset[3] ?? 0)];
    if (minutes > 59 || hours * 60 + minutes > 14 * 60) return false;
    const at = new Date(v);
    if (Number.isNaN(at.getTime())) return false;
    const day = at.toISOString().slice(0, 10);
    return day >= MIN_DATE && day <= MAX_DATE;
  }, `a moment like 2026-11-27T09:30:00Z between ${MIN_DATE} and ${MAX_DATE}`);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time like 23:55');
const pounds = z.number().int().min(0).max(MAX_SALARY);
// PostgreSQL gives ids back in lower case, so a file's upper-case spelling is lowered before the
// duplicate check and every lookup.
const id = z
  .string()
  .uuid()
  .transform((v) => v.toLowerCase());

/**
 * An array whose length is checked before any element: zod 3 goes on checking every element of an
 * array over its .max(), so a file of 100,000 `{}` would otherwise take seconds and much memory.
 */
function capped<T extends z.ZodTypeAny>(item: T, max: number) {
  return z
    .array(z.unknown())
    .superRefine((items, ctx) => {
      if (items.length <= max) return;
      // Fatal, so nothing after it (elements, the document's own checks) sees the unchecked items.
      ctx.addIssue({
        code: 'too_big',
        type: 'array',
        maximum: max,
        inclusive: true,
        message: `more than ${max.toLocaleString('en-GB')}`,
        fatal: true,
      });
    })
    .pipe(z.array(item));
}

const status = z.enum(STATUSES);

const historyEntry = z.object({
  from: status.nullable(),
  to: status,
  /** When it was recorded. */
  at: instant,
  /** The day it happened, when the person gave one. */
  on: isoDate.nullable().default(null),
});

// An interview or other dated event. Its id is its export id: the event's own one-time key, which
// the import stores as the key again, so a second import of the file adds nothing (decision 024).
const event = z.object({
  id,
  kind: z.enum(EVENT_KINDS),
  startsAt: instant,
  format: z.enum(EVENT_FORMATS).nullable().default(null),
  place: optionalText(EVENT_LIMITS.place),
  link: text(EVENT_LIMITS.link)
    .transform((v) => v.trim())
    .refine(isWebAddress, 'a web address starting with https:// or http://')
    .nullable()
    .default(null),
  notes: optionalText(EVENT_LIMITS.notes),
  createdAt: instant,
  updatedAt: instant,
});

const version = z
  .object({
    number: z.number().int().min(1).max(100_000),
    name: optionalText(STATEMENT_LIMITS.versionName),
    text: text(STATEMENT_LIMITS.draft),
    status: z.enum(['generating', 'complete', 'incomplete', 'stopped']),
    failure: z.enum(SHORTFALLS).nullable().default(null),
    wordLimit: z.number().int().min(1).max(MAX_WORD_LIMIT),
    createdAt: instant,
    updatedAt: instant,
    editedAt: instant.nullable().default(null),
  })
  // A draft still being written when the file was made never finishes: it arrives interrupted.
  .transform((v) =>
    v.status === 'generating'
      ? { ...v, status: 'incomplete' as const, failure: v.failure ?? ('interrupted' as const) }
      : v,
  );

const behaviourIds = BEHAVIOURS.map((b) => b.id) as [
  (typeof BEHAVIOURS)[number]['id'],
  ...(typeof BEHAVIOURS)[number]['id'][],
];

/** The characters the builder counts towards its total, for this statement's kind. */
function statementCharacters(s: {
  kind: string;
  jobTitle: string;
  employer: string;
  advert: string;
  personSpec: string;
  criteria: Array<{ text: string; evidence: string }>;
  behaviours: Array<{ evidence: string }>;
  whyRole: string;
  experience: string;
}): number {
  const parts = [s.jobTitle, s.employer, s.advert];
  if (s.kind === 'supporting')
    parts.push(s.personSpec, ...s.criteria.flatMap((c) => [c.text, c.evidence]));
  else if (s.kind === 'behaviours') parts.push(...s.behaviours.map((b) => b.evidence));
  else parts.push(s.whyRole, s.experience);
  return parts.reduce((sum, p) => sum + p.length, 0);
}

const statement = z
  .object({
    id,
    kind: z.enum(KINDS),
    jobTitle: text(STATEMENT_LIMITS.jobTitle),
    employer: text(STATEMENT_LIMITS.employer),
    advert: text(STATEMENT_LIMITS.advert),
    personSpec: text(STATEMENT_LIMITS.personSpec),
    criteria: capped(
      z.object({
        text: text(STATEMENT_LIMITS.criterion),
        category: z.enum(['essential', 'desirable']),
        evidence: text(STATEMENT_LIMITS.evidence),
      }),
      MAX_CRITERIA,
    ).default([]),
    behaviours: capped(
      z.object({
        id: z.enum(behaviourIds),
        selected: z.boolean(),
        evidence: text(STATEMENT_LIMITS.evidence),
      }),
      BEHAVIOURS.length,
    ).default([]),
    whyRole: text(STATEMENT_LIMITS.whyRole).default(''),
    experience: text(STATEMENT_LIMITS.experience).default(''),
    wordLimit: z.number().int().min(MIN_WORD_LIMIT).max(MAX_WORD_LIMIT),
    tone: z.enum(TONES.map((t) => t.value) as [string, ...string[]]),
    createdAt: instant,
    updatedAt: instant,
    versions: capped(version, FORMAT_CAPS.versionsPerStatement)
      .default([])
      .refine(
        (vs) => new Set(vs.map((v) => v.number)).size === vs.length,
        'a version number repeats',
      ),
  })
  .refine((st) => statementCharacters(st) <= MAX_TOTAL_CHARACTERS, {
    message: `more than ${MAX_TOTAL_CHARACTERS.toLocaleString('en-GB')} characters in all, the builder's limit`,
    path: ['advert'],
  });

/** One application of the format; the CSV import checks each row it builds with it too. */
export const ExportedApplicationSchema = z
  .object({
    id,
    company: text(APPLICATION_LIMITS.company)
      .refine((v) => v.trim() !== '', 'a company')
      .transform((v) => v.trim()),
    role: text(APPLICATION_LIMITS.role)
      .refine((v) => v.trim() !== '', 'a role')
      .transform((v) => v.trim()),
    status,
    // No "not after today" here: this schema reads what was saved (guest storage, a backup, the
    // move into an account), and a clock put back or a flight west would make a date saved as
    // today read as the future and lock the whole store as unreadable. The form that writes, and
    // the spreadsheet import that makes new records, hold that rule.
    dateApplied: isoDate.nullable().default(null),
    closingDate: isoDate.nullable().default(null),
    closingTime: clockTime.nullable().default(null),
    mayCloseEarly: z.boolean().default(false),
    advertUrl: text(APPLICATION_LIMITS.advertUrl)
      .refine(isWebAddress, 'a web address starting with https:// or http://')
      .nullable()
      .default(null),
    location: optionalText(APPLICATION_LIMITS.location),
    salaryMin: pounds.nullable().default(null),
    salaryMax: pounds.nullable().default(null),
    salaryNote: optionalText(APPLICATION_LIMITS.salaryNote),
    source: optionalText(APPLICATION_LIMITS.source),
    reference: optionalText(APPLICATION_LIMITS.reference),
    grade: optionalText(APPLICATION_LIMITS.grade),
    notes: optionalText(APPLICATION_LIMITS.notes),
    /** The day to chase by; absent from files made before it existed. */
    followUpOn: isoDate.nullable().default(null),
    createdAt: instant,
    updatedAt: instant,
    events: capped(event, FORMAT_CAPS.eventsPerApplication).default([]),
    statusHistory: capped(historyEntry, FORMAT_CAPS.historyPerApplication).default([]),
    statements: capped(statement, FORMAT_CAPS.statements).default([]),
  })
  .refine((a) => a.salaryMin === null || a.salaryMax === null || a.salaryMin <= a.salaryMax, {
    message: 'salary from above salary to',
    path: ['salaryMax'],
  });

/** Version 1 of the format, as the app writes it and as every reader accepts it. */
export const ExportSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    version: z.literal(FORMAT_VERSION),
    exportedAt: instant,
    applications: capped(ExportedApplicationSchema, FORMAT_CAPS.applications),
    /** Statements not written for any application in the file. */
    statements: capped(statement, FORMAT_CAPS.statements).default([]),
    /** The person's tracker settings; null is "never changed" (the default applies). Never the calendar feed's token. */
    settings: z
      .object({
        ghostAfterWeeks: z
          .number()
          .int()
          .min(GHOST_WEEKS.min)
          .max(GHOST_WEEKS.max)
          .nullable()
          .default(null),
      })
      .default({ ghostAfterWeeks: null }),
  })
  .superRefine((doc, ctx) => {
    const all = [...doc.statements, ...doc.applications.flatMap((a) => a.statements)];
    if (all.length > FORMAT_CAPS.statements) {
      ctx.addIssue({ code: 'custom', path: ['statements'], message: 'too many statements' });
    }
    const ids = [...doc.applications.map((a) => a.id), ...all.map((s) => s.id)];
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['applications'], message: 'an id appears twice' });
    }
    const eventIds = doc.applications.flatMap((a) => a.events.map((e) => e.id));
    if (new Set(eventIds).size !== eventIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['applications'],
        message: 'an event id appears twice',
      });
    }
  });

export type ExportDocument = z.output<typeof ExportSchema>;
export type ExportedApplication = ExportDocument['applications'][number];
export type ExportedStatement = ExportedApplication['statements'][number];
export type ExportedEvent = ExportedApplication['events'][number];
export type ExportedVersion = ExportedStatement['versions'][number];

export type ParsedExport = { ok: true; document: ExportDocument } | { ok: false; message: string };

/** Reads a JobTrack export from its text: the document, or a message a person can act on. */
export function parseExport(json: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message: 'This file is not a JobTrack export: it is not valid JSON. Nothing was imported.',
    };
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(raw ?? undefined);
  if (!head.success || head.data.format !== FORMAT_NAME) {
    return {
      ok: false,
      message:
        'This file is not a JobTrack export (the .json file JobTrack saves when you export your data). Nothing was imported.',
    };
  }
  // Newer versions would be migrated to this one here; anything unknown is refused, not guessed.
  if (head.data.version !== FORMAT_VERSION) {
    return {
      ok: false,
      message: `This export is version ${String(head.data.version)}, which this JobTrack cannot read (it reads version ${FORMAT_VERSION}). Nothing was imported.`,
    };
  }
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      message: `This export cannot be imported: ${describePath(issue.path)} is not valid (${inPlainWords(issue)}). Nothing was imported.`,
    };
  }
  return { ok: true, document: parsed.data };
}

/** What a JSON value is, in a person's words. */
const VALUE_KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  array: 'a list',
  object: 'a record',
};
const kind = (type: string) => VALUE_KINDS[type] ?? type;
const quoted = (value: unknown) => `“${shorten(String(value))}”`;

/**
 * Why a value was refused, in a person's words rather than zod's (a file edited by hand meets
 * these): our own rules' messages as they are, the common checks said plainly.
 */
function inPlainWords(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_enum_value':
      return `${quoted(issue.received)} is not one of ${issue.options.map(quoted).join(', ')}`;
    case 'invalid_type':
      return issue.received === 'undefined'
        ? 'it is missing'
        : `it should be ${kind(issue.expected)}, not ${kind(issue.received)}`;
    case 'too_big':
      return issue.type === 'string'
        ? `longer than ${issue.maximum.toLocaleString('en-GB')} characters`
        : issue.message;
    case 'invalid_string':
      return issue.validation === 'datetime'
        ? 'a date and time like 2026-11-27T09:30:00Z is needed'
        : issue.message;
    default:
      return issue.message;
  }
}

/** "application 3's closingDate" from a zod path, for the message beside the file field. */
function describePath(path: Array<string | number>): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    if (typeof next === 'number' && typeof key === 'string') {
      parts.push(`${key.replace(/s$/, '').replace(/History$/, ' history entry')} ${next + 1}`);
      i++;
    } else parts.push(String(key));
  }
  return parts.join(', ') || 'the file';
}
