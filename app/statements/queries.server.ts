// Reads of the Statement Builder. Each runs through asUser (row-level security) and still filters
// on user_id itself: the policy is the safety net, not the only guard. Each page's statements go
// to the database together, in one round trip with the session check.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, desc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { applications, statementVersions, statements } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { inputsFromRow } from './inputs';
import { summaryColumns, toSummary } from './version-summary.server';

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

/** Which versions' texts a page shows: one (by id, else the newest), or two to compare. */
export type TextsWanted =
  { open: string | null } | { compare: { a: string | null; b: string | null } };

/** The texts of the versions a page shows (see TextsWanted), as one statement. */
function shownTexts(tx: Tx, userId: string, id: string, wanted: TextsWanted) {
  const mine = and(eq(statementVersions.statementId, id), eq(statementVersions.userId, userId));
  const texts = tx
    .select({ id: statementVersions.id, text: statementVersions.text })
    .from(statementVersions);
  if ('open' in wanted) {
    // The version asked for, or the newest when none is (or the one asked for is gone).
    const asked = wanted.open ? [sql`${statementVersions.id} = ${wanted.open}::uuid desc`] : [];
    return texts
      .where(mine)
      .orderBy(...asked, desc(statementVersions.number))
      .limit(1);
  }
  // By default the newer is the newest version, and the older the one before the newer.
  const { a, b } = wanted.compare;
  if (a && b) return texts.where(and(mine, inArray(statementVersions.id, [a, b])));
  if (b) {
    const numberOfB = sql`(select v.number from ${statementVersions} v
      where v.id = ${b}::uuid and v.statement_id = ${id}::uuid and v.user_id = ${userId}::uuid)`;
    return texts
      .where(and(mine, lte(statementVersions.number, numberOfB)))
      .orderBy(desc(statementVersions.number))
      .limit(2);
  }
  if (a) {
    const newest = sql`(select max(v.number) from ${statementVersions} v
      where v.statement_id = ${id}::uuid and v.user_id = ${userId}::uuid)`;
    return texts.where(
      and(mine, or(eq(statementVersions.id, a), eq(statementVersions.number, newest))),
    );
  }
  return texts.where(mine).orderBy(desc(statementVersions.number)).limit(2);
}

/**
 * The statement, its versions (without their texts) and the texts the page shows, as one
 * round trip's statements. Each asks by statement and person at once, so for an id that is not
 * the person's they are simply empty. Version ids must be well-formed uuids (the routes check).
 */
function statementPage(tx: Tx, userId: string, id: string, wanted: TextsWanted) {
  const mine = and(eq(statementVersions.statementId, id), eq(statementVersions.userId, userId));
  return [
    tx
      .select({ statement: statements, application: applicationColumns })
      .from(statements)
      .leftJoin(applications, eq(applications.id, statements.applicationId))
      .where(and(eq(statements.id, id), eq(statements.userId, userId))),
    tx
      .select(summaryColumns)
      .from(statementVersions)
      .where(mine)
      .orderBy(asc(statementVersions.number)),
    shownTexts(tx, userId, id, wanted),
  ] as const;
}

/**
 * One of the person's statements, or null: its inputs, its application, its versions (oldest
 * first, each with its word count but not its text) and the full text of only the versions the
 * page shows. One round trip.
 */
export async function getStatement(
  context: AppLoadContext,
  who: Person,
  id: string,
  wanted: TextsWanted = { open: null },
) {
  const [[row], versions, texts] = await asUser(context, who, (tx) =>
    statementPage(tx, personId(who), id, wanted),
  );
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
    versions: versions.map(toSummary),
    /** The full text of the versions the page shows, by id. */
    texts: Object.fromEntries(texts.map((v) => [v.id, v.text])) as Record<string, string>,
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
