import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgSchema,
  text,
  time,
  timestamp,
  unique,
  type PgColumn,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { authUid, authUsers, authenticatedRole } from 'drizzle-orm/supabase';
import { PLAIN, TYPOGRAPHIC, WHITESPACE } from './search-fold';
import { APPLICATION_STATUSES } from './statuses';

/** Every JobTrack table lives here, out of reach of Supabase's auto-generated Data API. */
export const jobtrack = pgSchema('jobtrack');

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const applicationStatus = jobtrack.enum('application_status', APPLICATION_STATUSES);

const ownerId = () =>
  uuid('user_id')
    .notNull()
    .references(() => authUsers.id, { onDelete: 'cascade' });

/** RLS: a signed-in person (role authenticated) reaches only rows whose user_id is their auth.uid(). */
const ownRows = (name: string) =>
  pgPolicy(name, {
    for: 'all',
    to: authenticatedRole,
    using: sql`user_id = ${authUid}`,
    withCheck: sql`user_id = ${authUid}`,
  });

/** A constant as SQL text: a generated column's expression takes no parameters. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The text the list's search looks in: every searchable field, one per line, each run of
 * whitespace in a field one space (search-fold.ts). A search never holds a line break
 * (parseListQuery folds whitespace), so a match never spans two fields. To search another field,
 * add it to SEARCHED and run `npm run db:generate`. The migration it writes drops and adds
 * search_text again, and dropping the column drops applications_search_idx with it: add that
 * index's CREATE INDEX (migration 0018) after the ADD COLUMN. search-index.test.ts fails while
 * the index is missing.
 */
export function searchText(t: Record<(typeof SEARCHED)[number], PgColumn>): SQL {
  return sql`(${sql.join(
    SEARCHED.map(
      (field) =>
        sql`regexp_replace(coalesce(${t[field]}, ''), ${sql.raw(literal(WHITESPACE))}, ' ', 'g')`,
    ),
    sql.raw(' || chr(10) || '),
  )})`;
}

/**
 * searchText, lower-cased, typographic quotes and dashes made plain (search-fold.ts): the stored
 * column the search index and the search read.
 */
const lowerSearchText = (t: Record<(typeof SEARCHED)[number], PgColumn>): SQL =>
  sql`translate(lower(${searchText(t)}), ${sql.raw(literal(TYPOGRAPHIC))}, ${sql.raw(literal(PLAIN))})`;

/**
 * The id a row carries in exports: the id it was imported under, else its own. It stays the same
 * through any number of export and import round trips, so a file imported twice adds nothing.
 */
export function exportId(t: { id: PgColumn; originId: PgColumn }): SQL {
  return sql`coalesce(${t.originId}, ${t.id})`;
}

/**
 * The day a status change happened: the day the person gave, else the day it was recorded in
 * London. Stored with each change as happened_on (below), which the job-search log's index holds.
 */
export function statusChangeDay(t: { occurredOn: PgColumn; changedAt: PgColumn }): SQL {
  return sql`coalesce(${t.occurredOn}, ((${t.changedAt} at time zone 'Europe/London'))::date)`;
}

/**
 * The day an application counts as sent from when suggesting it was ghosted: its date applied, else
 * the day it was added, in London. The dashboard orders by exactly this expression, so its index
 * (below) serves it.
 */
export function appliedSince(t: { dateApplied: PgColumn; createdAt: PgColumn }): SQL {
  return sql`coalesce(${t.dateApplied}, (${t.createdAt} at time zone 'Europe/London')::date)`;
}

const SEARCHED = ['company', 'role', 'location', 'source', 'reference', 'grade', 'notes'] as const;

export const applications = jobtrack
  .table(
    'applications',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      userId: ownerId(),
      company: text('company').notNull(),
      role: text('role').notNull(),
      status: applicationStatus('status').notNull().default('saved'),
      dateApplied: date('date_applied'),
      closingDate: date('closing_date'),
      advertUrl: text('advert_url'),
      location: text('location'),
      /** Whole pounds a year, as advertised; either may be missing. */
      salaryMin: integer('salary_min'),
      salaryMax: integer('salary_max'),
      /** "pro rata", an hourly rate, or whatever the advert says that the figures cannot. */
      salaryNote: text('salary_note'),
      source: text('source'),
      /** The advert's reference (NHS Jobs / Trac, Civil Service Jobs). */
      reference: text('reference'),
      /** Band or grade: Band 5, EO, HEO, Grade 6. */
      grade: text('grade'),
      /** London time; none means the end of the day. */
      closingTime: time('closing_time'),
      mayCloseEarly: boolean('may_close_early').notNull().default(false),
      notes: text('notes'),
      /** "Chase if no reply by": a London date, suggested 14 days after applying; none for no chase. */
      followUpOn: date('follow_up_on'),
      /** The export id it was imported under, when imported (see exportId). */
      originId: uuid('origin_id'),
      /** What the list's search reads (searchText, lower-cased): kept with the row, see below. */
      searchText: text('search_text').generatedAlwaysAs((): SQL => lowerSearchText(applications)),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    // The latest-first and date-applied orders each have an index in exactly the list's order
    // (ties broken by id), so a page is read in index order and nothing sorts the whole account;
    // the status index also answers the per-status counts from the index alone. The closing-date
    // order depends on the London clock (open adverts first), so no one index holds it: a page is
    // read as runs (queries.server.ts, closingOrderIds), open adverts from the first index below,
    // closed ones and those without a date from the second, each in the index's order. Both hold
    // every column the runs read (the status for its filter, the closing time for today's
    // boundary), so a run reads its index alone; a search's matches are sorted after the search.
    (t) => [
      index('applications_user_follow_up_idx').on(t.userId, t.followUpOn),
      // One application per export id and person: importing a file twice adds nothing (decision 024).
      uniqueIndex('applications_user_export_id_idx').on(t.userId, exportId(t)),
      index('applications_user_updated_idx').on(
        t.userId,
        t.updatedAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
      ),
      index('applications_user_open_order_idx').on(
        t.userId,
        t.closingDate,
        t.closingTime,
        t.updatedAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
        t.status,
      ),
      index('applications_user_closed_order_idx').on(
        t.userId,
        t.closingDate.desc().nullsLast(),
        t.updatedAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
        t.status,
        t.closingTime,
      ),
      index('applications_user_applied_idx').on(
        t.userId,
        t.dateApplied.desc().nullsLast(),
        t.updatedAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
      ),
      index('applications_user_status_idx').on(
        t.userId,
        t.status,
        t.updatedAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
      ),
      // The dashboard's ghost suggestions: applications at Applied, the longest waiting first, read
      // in this order until ten have heard nothing (otherwise every Applied row was read and sorted).
      index('applications_user_ghost_idx')
        .on(t.userId, appliedSince(t), t.id)
        .where(sql`${t.status} = 'applied'`),
      // The target of status_changes' (application_id, user_id) key: see below.
      unique('applications_id_user_key').on(t.id, t.userId),
      // The search reads a stored, lower-cased copy: ILIKE lower-cases every candidate row's whole
      // text again (notes included), which was most of a broad search's time; LIKE on the copy
      // does it at a fifth of it, and the copy also folds quotes, dashes and spaces (0025).
      index('applications_search_idx').using(
        'gin',
        t.userId,
        sql`${t.searchText} extensions.gin_trgm_ops`,
      ),
      check('applications_salary_range', sql`${t.salaryMin} <= ${t.salaryMax}`),
      // Every form and import drops a closing time without a date; the closing-date order relies
      // on it (an undated advert is ordered by its latest update only).
      check(
        'applications_closing_time_needs_date',
        sql`${t.closingTime} is null or ${t.closingDate} is not null`,
      ),
      ownRows('applications_owner'),
    ],
  )
  .enableRLS();

/** Every column of an application but the search's copy, which no page or export reads. */
const { searchText: _searchCopy, ...applicationColumns } = getTableColumns(applications);
export { applicationColumns };

export const statusChanges = jobtrack
  .table(
    'status_changes',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      applicationId: uuid('application_id').notNull(),
      userId: ownerId(),
      fromStatus: applicationStatus('from_status'),
      toStatus: applicationStatus('to_status').notNull(),
      changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
      /**
       * The day the move happened, when the person said so (added as Applied on 20 Nov, typed in
       * on the 24th); none means the day it was recorded.
       */
      occurredOn: date('occurred_on'),
      /**
       * For a one-step move (the status menu, not the edit form), what else the move changed, as
       * it was before: a move to Applied may set the date applied and a follow-up date. Undoing
       * the move puts these back (applications/undo-move.server.ts); none for other moves.
       */
      undo: jsonb('undo').$type<{ dateApplied: string | null; followUpOn: string | null }>(),
      /**
       * statusChangeDay, kept with the row. The job-search log asks for a range of it: under
       * row-level security PostgreSQL tests a range of an expression (not leakproof) only after the
       * policy, row by row, so an index of the expression found the person's rows but not the
       * days; a range of a column is an index condition.
       */
      happenedOn: date('happened_on').generatedAlwaysAs((): SQL => statusChangeDay(statusChanges)),
    },
    (t) => [
      index('status_changes_application_idx').on(t.applicationId, t.changedAt),
      // The job-search log: one person's changes within a range of days.
      index('status_changes_user_day_idx').on(t.userId, t.happenedOn),
      // A history row names its application *and* that application's owner, so it can only ever
      // point at the person's own application: RLS lets anyone reference any id, a key does not.
      foreignKey({
        name: 'status_changes_application_owner_fk',
        columns: [t.applicationId, t.userId],
        foreignColumns: [applications.id, applications.userId],
      }).onDelete('cascade'),
      ownRows('status_changes_owner'),
    ],
  )
  .enableRLS();

export const eventKind = jobtrack.enum('event_kind', [
  'phone_screen',
  'interview',
  'assessment_centre',
  'offer_deadline',
  'other',
]);

export const eventFormat = jobtrack.enum('event_format', ['in_person', 'video', 'phone']);

/** Interviews and other dated events of an application: what the calendar files and feed carry. */
export const applicationEvents = jobtrack
  .table(
    'application_events',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      applicationId: uuid('application_id').notNull(),
      userId: ownerId(),
      kind: eventKind('kind').notNull(),
      /** The instant it starts; entered and shown as a date and time in London. */
      startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
      format: eventFormat('format'),
      /** Where, as the person wrote it (an address, a room). */
      place: text('place'),
      /** A web link (http or https only), for a video call or the booking page. */
      link: text('link'),
      notes: text('notes'),
      /** The one-time key of the form that added it, so a doubled submit adds one event. */
      createKey: uuid('create_key').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index('application_events_user_starts_idx').on(t.userId, t.startsAt),
      index('application_events_application_idx').on(t.applicationId, t.startsAt),
      uniqueIndex('application_events_user_create_key_idx').on(t.userId, t.createKey),
      // As for status_changes: an event can only ever point at its owner's application.
      foreignKey({
        name: 'application_events_application_owner_fk',
        columns: [t.applicationId, t.userId],
        foreignColumns: [applications.id, applications.userId],
      }).onDelete('cascade'),
      ownRows('application_events_owner'),
    ],
  )
  .enableRLS();

/**
 * A person's tracker settings: when to suggest Ghosted, and their private calendar feed, stored
 * only as the SHA-256 of its token (the token is shown once, in the feed's address).
 */
export const trackerSettings = jobtrack
  .table(
    'tracker_settings',
    {
      userId: uuid('user_id')
        .primaryKey()
        .references(() => authUsers.id, { onDelete: 'cascade' }),
      ghostAfterWeeks: integer('ghost_after_weeks').notNull().default(4),
      calendarTokenHash: text('calendar_token_hash'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      uniqueIndex('tracker_settings_calendar_token_idx').on(t.calendarTokenHash),
      check('tracker_settings_ghost_weeks', sql`${t.ghostAfterWeeks} between 1 and 52`),
      ownRows('tracker_settings_owner'),
    ],
  )
  .enableRLS();

// Statement Builder. A statement is one piece of writing for one job (its inputs, kept as a draft);
// each generation is a version of it. Inputs are stored only when the person presses Generate or Save.

export const statementKind = jobtrack.enum('statement_kind', [
  'supporting',
  'behaviours',
  'cover_letter',
]);

/** `generating` while Claude writes; `incomplete` when it failed part-way; `stopped` by the person. */
export const statementVersionStatus = jobtrack.enum('statement_version_status', [
  'generating',
  'complete',
  'incomplete',
  'stopped',
]);

export const statements = jobtrack
  .table(
    'statements',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      userId: ownerId(),
      // The person's writing outlives the application it was for: deleting that unlinks it. The
      // key is (application_id, user_id), so a statement can only name its owner's application;
      // it is in migrations/0012 because drizzle cannot say ON DELETE SET NULL (application_id).
      applicationId: uuid('application_id'),
      kind: statementKind('kind').notNull(),
      jobTitle: text('job_title').notNull().default(''),
      employer: text('employer').notNull().default(''),
      advert: text('advert').notNull().default(''),
      personSpec: text('person_spec').notNull().default(''),
      /** Kind-specific inputs: criteria with evidence, behaviours with evidence, cover letter answers. */
      details: jsonb('details').notNull().default({}),
      wordLimit: integer('word_limit').notNull(),
      tone: text('tone').notNull(),
      /** The one-time key of the form that created it, so a doubled first submit makes one statement. */
      createKey: uuid('create_key').notNull(),
      /** The export id it was imported under, when imported (see exportId). */
      originId: uuid('origin_id'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index('statements_user_updated_idx').on(t.userId, t.updatedAt),
      index('statements_application_idx').on(t.applicationId),
      uniqueIndex('statements_user_create_key_idx').on(t.userId, t.createKey),
      unique('statements_id_user_key').on(t.id, t.userId),
      uniqueIndex('statements_user_export_id_idx').on(t.userId, exportId(t)),
      ownRows('statements_owner'),
    ],
  )
  .enableRLS();

export const statementVersions = jobtrack
  .table(
    'statement_versions',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      statementId: uuid('statement_id').notNull(),
      userId: ownerId(),
      /** 1, 2, 3… within its statement. */
      number: integer('number').notNull(),
      name: text('name'),
      text: text('text').notNull().default(''),
      status: statementVersionStatus('status').notNull().default('generating'),
      /** Why an incomplete version stopped (busy, timeout…); null otherwise. */
      failure: text('failure'),
      wordLimit: integer('word_limit').notNull(),
      /** The one-time key of the Generate press that made it: a doubled press makes one version. */
      requestKey: uuid('request_key').notNull(),
      stopRequested: boolean('stop_requested').notNull().default(false),
      editedAt: timestamp('edited_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      uniqueIndex('statement_versions_number_idx').on(t.statementId, t.number),
      uniqueIndex('statement_versions_user_request_key_idx').on(t.userId, t.requestKey),
      // A version belongs to a statement of the same person.
      foreignKey({
        name: 'statement_versions_statement_owner_fk',
        columns: [t.statementId, t.userId],
        foreignColumns: [statements.id, statements.userId],
      }).onDelete('cascade'),
      ownRows('statement_versions_owner'),
    ],
  )
  .enableRLS();

/**
 * When each person generated, for the hourly and daily limits; no content. The person may add
 * rows and read them, and remove only rows that no longer count (over a day old): deleting the
 * record of a recent generation would give the allowance back.
 */
export const statementGenerations = jobtrack
  .table(
    'statement_generations',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      userId: ownerId(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index('statement_generations_user_idx').on(t.userId, t.createdAt),
      pgPolicy('statement_generations_read', {
        for: 'select',
        to: authenticatedRole,
        using: sql`user_id = ${authUid}`,
      }),
      pgPolicy('statement_generations_add', {
        for: 'insert',
        to: authenticatedRole,
        withCheck: sql`user_id = ${authUid} and created_at > now() - interval '1 minute'`,
      }),
      pgPolicy('statement_generations_prune', {
        for: 'delete',
        to: authenticatedRole,
        using: sql`user_id = ${authUid} and created_at < now() - interval '1 day'`,
      }),
    ],
  )
  .enableRLS();

// Local auth adapter tables. Only the server's own role touches them: RLS is on with no
// policy for `authenticated`, so a signed-in person's queries can never read them.

export const localCredentials = jobtrack
  .table('local_credentials', {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  })
  .enableRLS();

export const sessions = jobtrack
  .table(
    'sessions',
    {
      /** SHA-256 of the cookie's random token; the token itself is never stored. */
      tokenHash: text('token_hash').primaryKey(),
      userId: ownerId(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    },
    (t) => [index('sessions_user_idx').on(t.userId)],
  )
  .enableRLS();

export const authTokens = jobtrack
  .table(
    'auth_tokens',
    {
      tokenHash: text('token_hash').primaryKey(),
      userId: ownerId(),
      purpose: text('purpose', { enum: ['confirm', 'magiclink', 'recovery'] }).notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      usedAt: timestamp('used_at', { withTimezone: true }),
    },
    (t) => [index('auth_tokens_user_idx').on(t.userId)],
  )
  .enableRLS();

/**
 * Per-address limits (password guesses, emails sent), keyed by a SHA-256 of the purpose and the
 * email address: how much of the allowance is spent, as of `updated_at` (it drains over time).
 * No email address and nothing about the client is stored.
 */
export const throttles = jobtrack
  .table('throttles', {
    keyHash: text('key_hash').primaryKey(),
    spent: doublePrecision('spent').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  })
  .enableRLS();

/** Local mode only: emails that production would send, shown at /dev/outbox. */
export const devOutbox = jobtrack
  .table('dev_outbox', {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  })
  .enableRLS();
