// Everything a person entered, read in one asUser transaction and shaped as the export format.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { asc, eq } from 'drizzle-orm';
import {
  applicationColumns,
  applicationEvents,
  applications,
  exportId,
  statementVersions,
  statements,
  statusChanges,
  trackerSettings,
} from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';
import { inputsFromRow } from '~/statements/inputs';
import type { Shortfall } from '~/statements/messages';
import type { ExportDocument, ExportedApplication, ExportedStatement } from './format';
import { FORMAT_NAME, FORMAT_VERSION } from './format-limits';

type StatementRow = typeof statements.$inferSelect & { exportId: string };
type VersionRow = typeof statementVersions.$inferSelect;

const iso = (d: Date) => d.toISOString();

function statementOut(row: StatementRow, versions: VersionRow[]): ExportedStatement {
  const inputs = inputsFromRow(row);
  // Only the kind's own fields: a cover letter has no criteria to carry.
  return {
    id: row.exportId,
    kind: row.kind,
    jobTitle: row.jobTitle,
    employer: row.employer,
    advert: row.advert,
    personSpec: row.personSpec,
    criteria: row.kind === 'supporting' ? inputs.criteria : [],
    behaviours: row.kind === 'behaviours' ? inputs.behaviours : [],
    whyRole: row.kind === 'cover_letter' ? inputs.whyRole : '',
    experience: row.kind === 'cover_letter' ? inputs.experience : '',
    wordLimit: row.wordLimit,
    tone: inputs.tone,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    versions: versions.map((v) => ({
      number: v.number,
      name: v.name,
      text: v.text,
      status: v.status,
      // The column holds only the builder's own codes (Shortfall).
      failure: v.failure as Shortfall | null,
      wordLimit: v.wordLimit,
      createdAt: iso(v.createdAt),
      updatedAt: iso(v.updatedAt),
      editedAt: v.editedAt ? iso(v.editedAt) : null,
    })),
  };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) {
    const k = key(row);
    // Push onto the group's array: copying it for every row made a large group quadratic.
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * The person's whole export: every application with its follow-up date, events, status history and
 * statements (with their versions), the statements written for no application, and their tracker
 * settings. Nothing of anyone else, and never the calendar feed's token hash.
 */
export async function exportFor(
  context: AppLoadContext,
  who: Person,
  now = new Date(),
): Promise<ExportDocument> {
  const userId = personId(who);
  // One round trip: the reads ride with the transaction's setup, in one snapshot.
  const [apps, history, stmts, versions, events, settings] = await asUser(context, who, (tx) => [
    tx
      .select({ row: applicationColumns, exportId: exportId(applications).mapWith(String) })
      .from(applications)
      .where(eq(applications.userId, userId))
      .orderBy(asc(applications.createdAt), asc(applications.id)),
    tx
      .select()
      .from(statusChanges)
      .where(eq(statusChanges.userId, userId))
      .orderBy(asc(statusChanges.changedAt), asc(statusChanges.occurredOn), asc(statusChanges.id)),
    tx
      .select({ row: statements, exportId: exportId(statements).mapWith(String) })
      .from(statements)
      .where(eq(statements.userId, userId))
      .orderBy(asc(statements.createdAt), asc(statements.id)),
    tx
      .select()
      .from(statementVersions)
      .where(eq(statementVersions.userId, userId))
      .orderBy(asc(statementVersions.statementId), asc(statementVersions.number)),
    tx
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.userId, userId))
      .orderBy(asc(applicationEvents.startsAt), asc(applicationEvents.id)),
    // Only the setting a person chose: the calendar feed's token hash never leaves the database.
    tx
      .select({ ghostAfterWeeks: trackerSettings.ghostAfterWeeks })
      .from(trackerSettings)
      .where(eq(trackerSettings.userId, userId)),
  ]);

  const versionsOf = groupBy(versions, (v) => v.statementId);
  const historyOf = groupBy(history, (h) => h.applicationId);
  const eventsOf = groupBy(events, (e) => e.applicationId);
  const shaped = stmts.map(({ row, exportId: id }) => ({
    applicationId: row.applicationId,
    out: statementOut({ ...row, exportId: id }, versionsOf.get(row.id) ?? []),
  }));
  const statementsOf = groupBy(shaped, (s) => s.applicationId);
  const appIds = new Set(apps.map((a) => a.row.id));

  const exported: ExportedApplication[] = apps.map(({ row, exportId: id }) => ({
    id,
    company: row.company,
    role: row.role,
    status: row.status,
    dateApplied: row.dateApplied,
    closingDate: row.closingDate,
    // Stored as HH:MM:SS; the format keeps the minutes a person typed.
    closingTime: row.closingTime?.slice(0, 5) ?? null,
    mayCloseEarly: row.mayCloseEarly,
    advertUrl: row.advertUrl,
    location: row.location,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    salaryNote: row.salaryNote,
    source: row.source,
    reference: row.reference,
    grade: row.grade,
    notes: row.notes,
    followUpOn: row.followUpOn,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    // The event's one-time key is its export id (decision 024): stable across export and import.
    events: (eventsOf.get(row.id) ?? []).map((e) => ({
      id: e.createKey,
      kind: e.kind,
      startsAt: iso(e.startsAt),
      format: e.format,
      place: e.place,
      link: e.link,
      notes: e.notes,
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
    })),
    statusHistory: (historyOf.get(row.id) ?? []).map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      at: iso(h.changedAt),
      on: h.occurredOn,
    })),
    statements: (statementsOf.get(row.id) ?? []).map((s) => s.out),
  }));
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: iso(now),
    applications: exported,
    statements: shaped
      .filter((s) => s.applicationId === null || !appIds.has(s.applicationId))
      .map((s) => s.out),
    settings: { ghostAfterWeeks: settings[0]?.ghostAfterWeeks ?? null },
  };
}
