// Adds an export's contents to a person's account: all of it in one asUser transaction, or none,
// sent as one round trip. Identity is the export id (decision 024): what the account already holds
// under an id is skipped, so importing the same file twice adds nothing the second time.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  applicationEvents,
  applications,
  exportId,
  statementVersions,
  statements,
  statusChanges,
  trackerSettings,
} from '#db/schema';
import { isAccountFull } from '~/applications/account-full.server';
import { asUser, personId, type Person, type Statement, type Tx } from '~/db.server';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/event-schema';
import { datesToAdd } from './date-fill';
import { SAMPLE_SIZE } from './import-steps';
import { detailsOf, type Inputs } from '~/statements/inputs';
import type { Tone } from '~/statements/kinds';
import type {
  ExportDocument,
  ExportedApplication,
  ExportedEvent,
  ExportedStatement,
} from './format';

/** What an import would add, and what it skips because the account already has it. */
export type ImportPlan = {
  /** `accountHolds`: how many the account holds already (all of them, not only the file's). */
  applications: { add: number; skip: number; accountHolds: number };
  statements: { add: number; skip: number };
  versions: number;
  /**
   * Interviews and other dates, under applications added or already held; `full`, the file's new
   * dates left out because their application already holds as many as it may (date-fill.ts).
   */
  events: { add: number; skip: number; full: number };
  /** The first few applications it would add, for the preview. */
  sample: Array<{ company: string; role: string }>;
  /**
   * How many it would add that have the company and role of one already in the account (only
   * looked for in a preview): another account's export of the same jobs has other ids, so they
   * would be added again, and the person may want to stop.
   */
  lookalikes: number;
};

// PostgreSQL takes at most 65,535 parameters per statement. Every statement of an import or its
// preview goes in one flight, so the chunks are about the statement timeout and that limit, not
// round trips: each kind of row goes in chunks as large as its parameters allow (an id lookup has
// 1 per row, a history entry 6), except where one statement must stay well inside the 5-second
// statement timeout: applications (each feeds the trigram search index) and statements (long
// texts) go 500 at a time.
const CHUNK = {
  lookup: 10_000,
  application: 500,
  history: 5_000,
  statement: 500,
  event: 500,
} as const;

function chunks<T>(rows: T[], size: number = CHUNK.statement): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

type Linked = { statement: ExportedStatement; applicationExportId: string | null };

function allStatements(document: ExportDocument): Linked[] {
  return [
    ...document.applications.flatMap((a) =>
      a.statements.map((statement) => ({ statement, applicationExportId: a.id })),
    ),
    ...document.statements.map((statement) => ({ statement, applicationExportId: null })),
  ];
}

type Held = {
  /** Each application held, by export id, with how many dates it holds. */
  apps: Map<string, number>;
  stmts: Set<string>;
  events: Set<string>;
  /** The file's company-and-role pairs (pairKey) the account has already, if looked for. */
  lookalikes: Set<string>;
  /** How many applications the account holds in all. */
  total: number;
};

/** An application's company and role as compared for a look-alike: case and spaces aside. */
const lookalike = (a: { company: string; role: string }) => ({
  c: a.company.trim().toLowerCase(),
  r: a.role.trim().toLowerCase(),
});
const pairKey = ({ c, r }: { c: string; r: string }) => JSON.stringify([c, r]);

/**
 * The export ids (event keys) of `document`'s rows that the person already has, and how many
 * dates each application held has (for the preview's date fill), in one round trip with the
 * session check: every lookup goes in the same flight.
 */
async function held(
  context: AppLoadContext,
  who: Person,
  document: ExportDocument,
  { lookalikes = false } = {},
) {
  const userId = personId(who);
  // The pairs go as one JSON parameter, whatever the file's size.
  const pairs = lookalikes ? document.applications.map(lookalike) : [];
  const lookups = {
    apps: chunks(
      document.applications.map((a) => a.id),
      CHUNK.lookup,
    ),
    stmts: chunks(
      allStatements(document).map((s) => s.statement.id),
      CHUNK.lookup,
    ),
    events: chunks(
      document.applications.flatMap((a) => a.events.map((e) => e.id)),
      CHUNK.lookup,
    ),
  };
  const found = (await asUser(context, who, (tx): Statement[] => [
    ...lookups.apps.map((ids) =>
      tx
        .select({
          id: exportId(applications).mapWith(String),
          dates: sql<number>`count(${applicationEvents.applicationId})::int`,
        })
        .from(applications)
        .leftJoin(applicationEvents, eq(applicationEvents.applicationId, applications.id))
        .where(and(eq(applications.userId, userId), inArray(exportId(applications), ids)))
        .groupBy(applications.id),
    ),
    ...lookups.stmts.map((ids) =>
      tx
        .select({ id: exportId(statements).mapWith(String) })
        .from(statements)
        .where(and(eq(statements.userId, userId), inArray(exportId(statements), ids))),
    ),
    ...lookups.events.map((keys) =>
      tx
        .select({ id: applicationEvents.createKey })
        .from(applicationEvents)
        .where(
          and(eq(applicationEvents.userId, userId), inArray(applicationEvents.createKey, keys)),
        ),
    ),
    ...(pairs.length > 0
      ? [
          tx.execute<{ c: string; r: string }>(sql`
            select c, r from (
              select lower(trim(company)) as c, lower(trim(role)) as r from ${applications}
              where user_id = ${userId}::uuid
            ) held
            where (c, r) in (select c, r from json_to_recordset(${JSON.stringify(pairs)}::json)
              as p(c text, r text))`),
        ]
      : []),
    // Last, so the lookups' answers keep their places: how many the account holds in all.
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(eq(applications.userId, userId)),
  ])) as Array<Array<{ id: string; dates?: number; c?: string; r?: string; n?: number }>>;
  const total = found.pop()![0]!.n ?? 0;
  // The answers come back in the order sent: the applications' lookups, then statements', events',
  // then the look-alikes'.
  const ids = (from: number, count: number) =>
    new Set(found.slice(from, from + count).flatMap((rows) => rows.map((r) => r.id)));
  const [apps, stmts] = [lookups.apps.length, lookups.stmts.length];
  const appRows = found.slice(0, apps).flat();
  return {
    apps: new Map(appRows.map((r) => [r.id, r.dates ?? 0])),
    stmts: ids(apps, stmts),
    events: ids(apps + stmts, lookups.events.length),
    lookalikes: new Set(
      found
        .slice(apps + stmts + lookups.events.length)
        .flat()
        .map((row) => pairKey({ c: row.c ?? '', r: row.r ?? '' })),
    ),
    total,
  } satisfies Held;
}

function plan(document: ExportDocument, had: Held): ImportPlan {
  const newApps = document.applications.filter((a) => !had.apps.has(a.id));
  const linked = allStatements(document);
  const newStatements = linked.filter((s) => !had.stmts.has(s.statement.id));
  const eventIds = document.applications.flatMap((a) => a.events.map((e) => e.id));
  const heldEvents = eventIds.filter((id) => had.events.has(id)).length;
  // As the import's SQL will add them: up to each application's limit, earliest first.
  const eventsAdded = document.applications.reduce(
    (n, a) => n + datesToAdd(a.events, had.apps.get(a.id) ?? 0, (id) => had.events.has(id)).length,
    0,
  );
  return {
    applications: {
      add: newApps.length,
      skip: document.applications.length - newApps.length,
      accountHolds: had.total,
    },
    statements: { add: newStatements.length, skip: linked.length - newStatements.length },
    versions: newStatements.reduce((n, s) => n + s.statement.versions.length, 0),
    events: {
      add: eventsAdded,
      skip: heldEvents,
      full: eventIds.length - heldEvents - eventsAdded,
    },
    sample: newApps.slice(0, SAMPLE_SIZE).map((a) => ({ company: a.company, role: a.role })),
    lookalikes: newApps.filter((a) => had.lookalikes.has(pairKey(lookalike(a)))).length,
  };
}

/**
 * The export ids of `document`'s applications that the person already holds, and how many
 * applications they hold in all; changes nothing.
 */
export async function heldApplicationIds(
  context: AppLoadContext,
  who: Person,
  document: ExportDocument,
): Promise<{ ids: Set<string>; total: number }> {
  const had = await held(context, who, document);
  return { ids: new Set(had.apps.keys()), total: had.total };
}

/** What importing `document` into the person's account would add; changes nothing. */
export async function previewImport(
  context: AppLoadContext,
  who: Person,
  document: ExportDocument,
) {
  return plan(document, await held(context, who, document, { lookalikes: true }));
}

function applicationValues(userId: string, id: string, a: ExportedApplication) {
  return {
    id,
    userId,
    originId: a.id,
    company: a.company,
    role: a.role,
    status: a.status,
    dateApplied: a.dateApplied,
    closingDate: a.closingDate,
    closingTime: a.closingDate ? a.closingTime : null,
    mayCloseEarly: a.mayCloseEarly,
    advertUrl: a.advertUrl,
    location: a.location,
    salaryMin: a.salaryMin,
    salaryMax: a.salaryMax,
    salaryNote: a.salaryNote,
    source: a.source,
    reference: a.reference,
    grade: a.grade,
    notes: a.notes,
    followUpOn: a.followUpOn,
    createdAt: new Date(a.createdAt),
    updatedAt: new Date(a.updatedAt),
  };
}

/**
 * `(values (…), …) as name(columns)`: rows for an INSERT … SELECT. Each value is cast to its
 * column's type, since the pipeline sends parameters untyped (the server infers them).
 */
function valuesTable(name: string, columns: Array<[string, string]>, rows: unknown[][]): SQL {
  const row = (values: unknown[]) =>
    sql`(${sql.join(
      values.map((v, i) => sql`${v}::${sql.raw(columns[i]![1])}`),
      sql`, `,
    )})`;
  const names = columns.map(([column]) => column).join(', ');
  return sql`(values ${sql.join(rows.map(row), sql`, `)}) as ${sql.raw(name)}(${sql.raw(names)})`;
}

const iso = (at: string | null) => (at === null ? null : new Date(at).toISOString());

// Only under applications this import created: their ids were made here, so an application the
// account held already (skipped by its export id) is never joined, and its history stays as it is.
function historyInsert(tx: Tx, userId: string, rows: unknown[][]) {
  const h = valuesTable(
    'h',
    [
      ['application_id', 'uuid'],
      ['from_status', 'jobtrack.application_status'],
      ['to_status', 'jobtrack.application_status'],
      ['changed_at', 'timestamptz'],
      ['occurred_on', 'date'],
    ],
    rows,
  );
  return tx.execute(sql`
    insert into ${statusChanges} (application_id, user_id, from_status, to_status, changed_at,
      occurred_on)
    select h.application_id, ${userId}::uuid, h.from_status, h.to_status, h.changed_at,
      h.occurred_on
    from ${h} join ${applications} on ${applications.id} = h.application_id
      and ${applications.userId} = ${userId}::uuid`);
}

function historyRows(id: string, a: ExportedApplication): unknown[][] {
  // Every application has a history; a file without one starts it where the application is.
  const entries = a.statusHistory.length
    ? a.statusHistory
    : [{ from: null, to: a.status, at: a.createdAt, on: null }];
  return entries.map((h) => [id, h.from, h.to, iso(h.at), h.on]);
}

// Events go under the application they belong to, whether added now or already held (found by its
// export id); the export id is the event's one-time key again, so the (person, key) unique index
// turns a second import of the same file into no-ops, and a re-export carries the same id.
function eventInsert(tx: Tx, userId: string, events: Array<[string, ExportedEvent]>) {
  const v = valuesTable(
    'v',
    [
      ['application_export_id', 'uuid'],
      ['kind', 'jobtrack.event_kind'],
      ['starts_at', 'timestamptz'],
      ['format', 'jobtrack.event_format'],
      ['place', 'text'],
      ['link', 'text'],
      ['notes', 'text'],
      ['create_key', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    events.map(([applicationExportId, e]) => [
      applicationExportId,
      e.kind,
      iso(e.startsAt),
      e.format,
      e.place,
      e.link,
      e.notes,
      e.id,
      iso(e.createdAt),
      iso(e.updatedAt),
    ]),
  );
  // An application already held may have dates of its own: the file's new ones fill it up to
  // MAX_EVENTS_PER_APPLICATION, earliest first, so its export stays importable: datesToAdd's rule
  // (date-fill.ts), which the preview counts with. Each chunk's statement sees the rows the
  // earlier chunks added, and holds all of an application's dates (eventChunks).
  return tx.execute(sql`
    insert into ${applicationEvents} (application_id, user_id, kind, starts_at, format, place,
      link, notes, create_key, created_at, updated_at)
    select fresh.application_id, ${userId}::uuid, fresh.kind, fresh.starts_at, fresh.format,
      fresh.place, fresh.link, fresh.notes, fresh.create_key, fresh.created_at, fresh.updated_at
    from (
      select ${applications.id} as application_id, v.*,
        row_number() over (partition by ${applications.id} order by v.starts_at, v.create_key) as n
      from ${v} join ${applications} on ${applications.userId} = ${userId}::uuid
        and ${exportId(applications)} = v.application_export_id
      where not exists (select 1 from ${applicationEvents} as held
        where held.user_id = ${userId}::uuid and held.create_key = v.create_key)
    ) as fresh
    where fresh.n + (select count(*) from ${applicationEvents} as held
      where held.application_id = fresh.application_id) <= ${MAX_EVENTS_PER_APPLICATION}::int
    on conflict (user_id, create_key) do nothing`);
}

/**
 * The file's dates with their applications' export ids, in chunks of about CHUNK.event that never
 * split one application's dates (a file holds at most MAX_EVENTS_PER_APPLICATION per application),
 * so eventInsert's "earliest first" sees all of an application's dates at once, as datesToAdd does.
 */
function eventChunks(document: ExportDocument): Array<Array<[string, ExportedEvent]>> {
  const out: Array<Array<[string, ExportedEvent]>> = [];
  let part: Array<[string, ExportedEvent]> = [];
  for (const a of document.applications) {
    if (part.length > 0 && part.length + a.events.length > CHUNK.event) {
      out.push(part);
      part = [];
    }
    part.push(...a.events.map((e): [string, ExportedEvent] => [a.id, e]));
  }
  if (part.length > 0) out.push(part);
  return out;
}

// Only under statements this import created (see historyInsert).
function versionInsert(tx: Tx, userId: string, rows: unknown[][]) {
  const v = valuesTable(
    'v',
    [
      ['statement_id', 'uuid'],
      ['number', 'integer'],
      ['name', 'text'],
      ['text', 'text'],
      ['status', 'jobtrack.statement_version_status'],
      ['failure', 'text'],
      ['word_limit', 'integer'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['edited_at', 'timestamptz'],
    ],
    rows,
  );
  return tx.execute(sql`
    insert into ${statementVersions} (statement_id, user_id, number, name, text, status, failure,
      word_limit, request_key, created_at, updated_at, edited_at)
    select v.statement_id, ${userId}::uuid, v.number, v.name, v.text, v.status, v.failure,
      v.word_limit, gen_random_uuid(), v.created_at, v.updated_at, v.edited_at
    from ${v} join ${statements} on ${statements.id} = v.statement_id
      and ${statements.userId} = ${userId}::uuid`);
}

function statementValues(
  userId: string,
  id: string,
  applicationExportId: string | null,
  s: ExportedStatement,
) {
  // The application by its export id, added by this import or held already; none if neither.
  const applicationId = applicationExportId
    ? sql`(select ${applications.id} from ${applications}
        where ${applications.userId} = ${userId}::uuid
          and ${exportId(applications)} = ${applicationExportId}::uuid)`
    : null;
  // Only its kind's details are read from these inputs.
  const inputs: Inputs = { ...s, applicationId: null, tone: s.tone as Tone };
  return {
    id,
    userId,
    originId: s.id,
    applicationId,
    kind: s.kind,
    jobTitle: s.jobTitle,
    employer: s.employer,
    advert: s.advert,
    personSpec: s.personSpec,
    details: detailsOf(inputs),
    wordLimit: s.wordLimit,
    tone: s.tone,
    createKey: crypto.randomUUID(),
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.updatedAt),
  };
}

/**
 * Adds what the account does not hold yet, in one transaction as the person (row-level security),
 * sent as one round trip with the session check. What it already holds is skipped by the unique
 * export-id indexes, so a second import of the same file, even one running at once, adds nothing.
 * New rows' ids are made here, so their history and versions go in the same flight. 'full' when
 * the account would pass MAX_APPLICATIONS (migration 0022): then nothing is added.
 */
export async function importDocument(
  context: AppLoadContext,
  who: Person,
  document: ExportDocument,
): Promise<'imported' | 'full'> {
  const userId = personId(who);
  const appIds = new Map(document.applications.map((a) => [a, crypto.randomUUID()]));
  const linked = allStatements(document).map((s) => ({ ...s, id: crypto.randomUUID() }));
  const { ghostAfterWeeks } = document.settings;
  const imported = asUser(context, who, (tx): Statement[] => [
    ...chunks(document.applications, CHUNK.application).map((part) =>
      tx
        .insert(applications)
        .values(part.map((a) => applicationValues(userId, appIds.get(a)!, a)))
        .onConflictDoNothing(),
    ),
    ...chunks(
      document.applications.flatMap((a) => historyRows(appIds.get(a)!, a)),
      CHUNK.history,
    ).map((rows) => historyInsert(tx, userId, rows)),
    ...chunks(linked, CHUNK.statement).map((part) =>
      tx
        .insert(statements)
        .values(part.map((s) => statementValues(userId, s.id, s.applicationExportId, s.statement)))
        .onConflictDoNothing(),
    ),
    ...chunks(
      linked.flatMap(({ id, statement }) =>
        statement.versions.map((v) => [
          id,
          v.number,
          v.name,
          v.text,
          v.status,
          v.failure,
          v.wordLimit,
          iso(v.createdAt),
          iso(v.updatedAt),
          iso(v.editedAt),
        ]),
      ),
      CHUNK.statement,
    ).map((rows) => versionInsert(tx, userId, rows)),
    // Applications already held are locked before their dates are counted, as adding a date by
    // hand locks its application (events.server.ts): two imports at once cannot each count the
    // same room and fill it twice.
    ...chunks(
      document.applications.map((a) => a.id),
      CHUNK.lookup,
    ).map((ids) =>
      tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, userId), inArray(exportId(applications), ids)))
        .orderBy(applications.id)
        .for('update'),
    ),
    ...eventChunks(document).map((part) => eventInsert(tx, userId, part)),
    // The file's setting, when it holds one; a file without (older, or from guest mode) leaves it.
    ...(ghostAfterWeeks === null
      ? []
      : [
          tx
            .insert(trackerSettings)
            .values({ userId, ghostAfterWeeks })
            .onConflictDoUpdate({
              target: trackerSettings.userId,
              set: { ghostAfterWeeks, updatedAt: new Date() },
            }),
        ]),
  ]);
  // Past MAX_APPLICATIONS the first insert that goes over fails, and with it the whole import.
  return imported.then(
    () => 'imported' as const,
    (error: unknown) => {
      if (isAccountFull(error)) return 'full' as const;
      throw error;
    },
  );
}
