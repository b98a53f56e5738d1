// Adds an export's contents to a person's account: all of it in one asUser transaction, or none.
// Identity is the export id (decision 024): what the account already holds under an id is skipped,
// so importing the same file twice adds nothing the second time.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, inArray } from 'drizzle-orm';
import {
  applicationEvents,
  applications,
  exportId,
  statementVersions,
  statements,
  statusChanges,
  trackerSettings,
} from '#db/schema';
import { asUser, type Tx } from '~/db.server';
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
  applications: { add: number; skip: number };
  statements: { add: number; skip: number };
  versions: number;
  /** Interviews and other dates, under applications added or already held. */
  events: { add: number; skip: number };
  /** The first few applications it would add, for the preview. */
  sample: Array<{ company: string; role: string }>;
};

export const SAMPLE_SIZE = 20;

// PostgreSQL takes at most 65,535 parameters per statement. Each statement here is a round trip
// (two when new to the connection), and Hyperdrive is far from the database, so each kind of row
// goes in chunks as large as its parameters allow (an id lookup has 1 per row, a history entry 6),
// except where one statement must stay well inside the 5-second statement timeout: applications
// (each feeds the trigram search index) and statements (long texts) go 500 at a time.
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

/** Export id → row id of what the person already has, for these export ids. */
async function held(tx: Tx, userId: string, document: ExportDocument) {
  const appIds = document.applications.map((a) => a.id);
  const stmtIds = allStatements(document).map((s) => s.statement.id);
  const eventIds = document.applications.flatMap((a) => a.events.map((e) => e.id));
  const apps = new Map<string, string>();
  const stmts = new Set<string>();
  const events = new Set<string>();
  for (const ids of chunks(appIds, CHUNK.lookup)) {
    const rows = await tx
      .select({ id: applications.id, exportId: exportId(applications).mapWith(String) })
      .from(applications)
      .where(and(eq(applications.userId, userId), inArray(exportId(applications), ids)));
    for (const row of rows) apps.set(row.exportId, row.id);
  }
  for (const ids of chunks(stmtIds, CHUNK.lookup)) {
    const rows = await tx
      .select({ exportId: exportId(statements).mapWith(String) })
      .from(statements)
      .where(and(eq(statements.userId, userId), inArray(exportId(statements), ids)));
    for (const row of rows) stmts.add(row.exportId);
  }
  for (const keys of chunks(eventIds, CHUNK.lookup)) {
    const rows = await tx
      .select({ key: applicationEvents.createKey })
      .from(applicationEvents)
      .where(and(eq(applicationEvents.userId, userId), inArray(applicationEvents.createKey, keys)));
    for (const row of rows) events.add(row.key);
  }
  return { apps, stmts, events };
}

function plan(document: ExportDocument, had: Awaited<ReturnType<typeof held>>): ImportPlan {
  const newApps = document.applications.filter((a) => !had.apps.has(a.id));
  const linked = allStatements(document);
  const newStatements = linked.filter((s) => !had.stmts.has(s.statement.id));
  const eventIds = document.applications.flatMap((a) => a.events.map((e) => e.id));
  const eventCount = eventIds.length;
  const heldEvents = eventIds.filter((id) => had.events.has(id)).length;
  return {
    applications: { add: newApps.length, skip: document.applications.length - newApps.length },
    statements: { add: newStatements.length, skip: linked.length - newStatements.length },
    versions: newStatements.reduce((n, s) => n + s.statement.versions.length, 0),
    events: { add: eventCount - heldEvents, skip: heldEvents },
    sample: newApps.slice(0, SAMPLE_SIZE).map((a) => ({ company: a.company, role: a.role })),
  };
}

/** The export ids of `document`'s applications that the person already holds; changes nothing. */
export function heldApplicationIds(
  context: AppLoadContext,
  userId: string,
  document: ExportDocument,
): Promise<Set<string>> {
  return asUser(
    context,
    userId,
    async (tx) => new Set((await held(tx, userId, document)).apps.keys()),
  );
}

/** What importing `document` into the person's account would add; changes nothing. */
export function previewImport(context: AppLoadContext, userId: string, document: ExportDocument) {
  return asUser(context, userId, async (tx) => plan(document, await held(tx, userId, document)));
}

function applicationValues(userId: string, a: ExportedApplication) {
  return {
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

function historyValues(userId: string, applicationId: string, a: ExportedApplication) {
  // Every application has a history; a file without one starts it where the application is.
  const entries = a.statusHistory.length
    ? a.statusHistory
    : [{ from: null, to: a.status, at: a.createdAt, on: null }];
  return entries.map((h) => ({
    applicationId,
    userId,
    fromStatus: h.from,
    toStatus: h.to,
    changedAt: new Date(h.at),
    occurredOn: h.on,
  }));
}

// The export id is the event's one-time key again, so the (person, key) unique index turns a
// second import of the same file into no-ops, and a re-export carries the same id.
function eventValues(userId: string, applicationId: string, e: ExportedEvent) {
  return {
    applicationId,
    userId,
    kind: e.kind,
    startsAt: new Date(e.startsAt),
    format: e.format,
    place: e.place,
    link: e.link,
    notes: e.notes,
    createKey: e.id,
    createdAt: new Date(e.createdAt),
    updatedAt: new Date(e.updatedAt),
  };
}

function statementValues(userId: string, applicationId: string | null, s: ExportedStatement) {
  const inputs: Inputs = { ...s, applicationId, tone: s.tone as Tone };
  return {
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
 * Adds what the account does not hold yet, in one transaction as the person (row-level security);
 * returns what was added. A concurrent second import of the same file adds nothing either: the
 * unique export-id index makes its inserts no-ops.
 */
export function importDocument(context: AppLoadContext, userId: string, document: ExportDocument) {
  return asUser(context, userId, async (tx) => {
    const had = await held(tx, userId, document);
    const outcome = plan(document, had);
    const appRowId = new Map(had.apps);

    const newApps = document.applications.filter((a) => !had.apps.has(a.id));
    for (const part of chunks(newApps, CHUNK.application)) {
      const rows = await tx
        .insert(applications)
        .values(part.map((a) => applicationValues(userId, a)))
        .onConflictDoNothing()
        .returning({ id: applications.id, originId: applications.originId });
      for (const row of rows) appRowId.set(row.originId!, row.id);
      const inserted = new Set(rows.map((r) => r.originId));
      const history = part
        .filter((a) => inserted.has(a.id))
        .flatMap((a) => historyValues(userId, appRowId.get(a.id)!, a));
      for (const h of chunks(history, CHUNK.history)) await tx.insert(statusChanges).values(h);
    }

    const newStatements = allStatements(document).filter((s) => !had.stmts.has(s.statement.id));
    for (const part of chunks(newStatements)) {
      const rows = await tx
        .insert(statements)
        .values(
          part.map(({ statement, applicationExportId }) =>
            statementValues(
              userId,
              applicationExportId ? (appRowId.get(applicationExportId) ?? null) : null,
              statement,
            ),
          ),
        )
        .onConflictDoNothing()
        .returning({ id: statements.id, originId: statements.originId });
      const rowId = new Map(rows.map((r) => [r.originId!, r.id]));
      const versions = part.flatMap(({ statement }) => {
        const statementId = rowId.get(statement.id);
        if (!statementId) return [];
        return statement.versions.map((v) => ({
          statementId,
          userId,
          number: v.number,
          name: v.name,
          text: v.text,
          status: v.status,
          failure: v.failure,
          wordLimit: v.wordLimit,
          requestKey: crypto.randomUUID(),
          createdAt: new Date(v.createdAt),
          updatedAt: new Date(v.updatedAt),
          editedAt: v.editedAt ? new Date(v.editedAt) : null,
        }));
      });
      for (const v of chunks(versions)) await tx.insert(statementVersions).values(v);
    }

    // Events go under the application they belong to, whether added now or already held; those the
    // account already has (same key) are skipped by the unique index.
    const events = document.applications.flatMap((a) => {
      const applicationId = appRowId.get(a.id);
      return applicationId ? a.events.map((e) => eventValues(userId, applicationId, e)) : [];
    });
    for (const part of chunks(events, CHUNK.event)) {
      await tx
        .insert(applicationEvents)
        .values(part)
        .onConflictDoNothing({ target: [applicationEvents.userId, applicationEvents.createKey] });
    }

    // The file's setting, when it holds one; a file without (older, or from guest mode) leaves it.
    const { ghostAfterWeeks } = document.settings;
    if (ghostAfterWeeks !== null) {
      await tx
        .insert(trackerSettings)
        .values({ userId, ghostAfterWeeks })
        .onConflictDoUpdate({
          target: trackerSettings.userId,
          set: { ghostAfterWeeks, updatedAt: new Date() },
        });
    }
    return outcome;
  });
}
