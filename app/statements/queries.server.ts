// Reads of the Statement Builder. Each runs through asUser (row-level security) and still filters
// on user_id itself: the policy is the safety net, not the only guard. Each page's statements go
// to the database together, in one round trip with the session check.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { applications, statementVersions, statements } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { inputsFromRow, limitedSections } from './inputs';
import type { Kind } from './kinds';
import type { VersionStatus, VersionSummary } from './types';
import { wordReport } from './words';

/** A version still "generating" after this long was cut off (the Worker was stopped, say). */
export const STALE_MS = 2 * 60 * 1000;

type VersionRow = typeof statementVersions.$inferSelect;

function statusOf(row: Pick<VersionRow, 'status' | 'updatedAt'>, now = Date.now()): VersionStatus {
  if (row.status === 'generating' && now - row.updatedAt.getTime() > STALE_MS) return 'interrupted';
  return row.status;
}

function summary(row: VersionRow, kind: Kind): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    status: statusOf(row),
    failure: row.failure,
    report: wordReport(row.text, row.wordLimit, limitedSections(kind)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

// Written out: with no join, Drizzle would leave the outer column unqualified, and inside the
// subquery a bare "id" means the version's own.
const versionCount = sql<number>`(select count(*)::int from jobtrack.statement_versions v where v.statement_id = "statements"."id")`;

const applicationColumns = {
  id: applications.id,
  company: applications.company,
  role: applications.role,
};

/** Every statement of the person, most recently changed first, with its latest version's date. */
export async function listStatements(context: AppLoadContext, who: Person) {
  const userId = personId(who);
  const [rows] = await asUser(context, who, (tx) => [
    tx
      .select({
        id: statements.id,
        kind: statements.kind,
        jobTitle: statements.jobTitle,
        employer: statements.employer,
        updatedAt: statements.updatedAt,
        application: applicationColumns,
        versions: versionCount,
      })
      .from(statements)
      .leftJoin(applications, eq(applications.id, statements.applicationId))
      .where(eq(statements.userId, userId))
      .orderBy(desc(statements.updatedAt), desc(statements.id))
      .limit(500),
  ]);
  return rows.map((r) => ({
    ...r,
    application: r.application?.id ? r.application : null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** One of the person's statements: its inputs, its application and its versions (oldest first); or null. */
export async function getStatement(context: AppLoadContext, who: Person, id: string) {
  const userId = personId(who);
  const [[row], versions] = await asUser(context, who, (tx) => [
    tx
      .select({ statement: statements, application: applicationColumns })
      .from(statements)
      .leftJoin(applications, eq(applications.id, statements.applicationId))
      .where(and(eq(statements.id, id), eq(statements.userId, userId))),
    // Asked for at once, not after the statement: for an id that is not theirs it is simply empty.
    tx
      .select()
      .from(statementVersions)
      .where(and(eq(statementVersions.statementId, id), eq(statementVersions.userId, userId)))
      .orderBy(asc(statementVersions.number)),
  ]);
  if (!row) return null;
  const s = row.statement;
  return {
    statement: {
      id: s.id,
      kind: s.kind,
      inputs: inputsFromRow(s),
      application: row.application?.id ? row.application : null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    },
    versions: versions.map((v) => summary(v, s.kind)),
    /** The full text of each version, by id (pages pick what they show). */
    texts: Object.fromEntries(versions.map((v) => [v.id, v.text])) as Record<string, string>,
  };
}

/** The person's application, for prefilling a new statement: its job, and the advert last pasted for it. */
export async function applicationForBuilder(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
) {
  const userId = personId(who);
  const [[app], [earlier]] = await asUser(context, who, (tx) => [
    tx
      .select({ ...applicationColumns, advertUrl: applications.advertUrl })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.userId, userId))),
    tx
      .select({ advert: statements.advert })
      .from(statements)
      .where(
        and(
          eq(statements.userId, userId),
          eq(statements.applicationId, applicationId),
          isNotNull(statements.advert),
          ne(statements.advert, ''),
        ),
      )
      .orderBy(desc(statements.updatedAt))
      .limit(1),
  ]);
  if (!app) return null;
  return { ...app, advert: earlier?.advert ?? '' };
}

/**
 * The statement that lists those written for one of the person's applications, newest first, for
 * a page's own transaction (read its rows with toApplicationStatements).
 */
export function applicationStatementsStatement(tx: Tx, userId: string, applicationId: string) {
  return tx
    .select({
      id: statements.id,
      kind: statements.kind,
      jobTitle: statements.jobTitle,
      updatedAt: statements.updatedAt,
      versions: versionCount,
    })
    .from(statements)
    .where(and(eq(statements.userId, userId), eq(statements.applicationId, applicationId)))
    .orderBy(desc(statements.updatedAt));
}

/** The rows of applicationStatementsStatement as the page receives them. */
export const toApplicationStatements = (
  rows: Awaited<ReturnType<typeof applicationStatementsStatement>>,
) => rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
