// Reads of a person's applications. Each runs through asUser, so RLS is in force, and still filters
// on user_id itself: the policy is the safety net, not the only guard. Each page's statements go
// to the database together, in one round trip with the session check.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, count, desc, eq, gte, inArray, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { addDays } from './dates';
import { containsPattern, pageWindow, PAGE_SIZE, type ListQuery, type Sort } from './list-query';
import { CLOSED_STATUSES, STATUSES, type Status } from './statuses';
import type { ClosingSoonRow, ListRow } from './types';

/** How many applications have each status (zero included). */
export type StatusCounts = Record<Status, number>;

// Ties are broken by id so that paging never shows a row twice or skips one.
const ORDER: Record<Sort, SQL[]> = {
  updated: [sql`${applications.updatedAt} desc`, sql`${applications.id} desc`],
  closing: [
    sql`${applications.closingDate} asc nulls last`,
    sql`${applications.updatedAt} desc`,
    sql`${applications.id} desc`,
  ],
  applied: [
    sql`${applications.dateApplied} desc nulls last`,
    sql`${applications.updatedAt} desc`,
    sql`${applications.id} desc`,
  ],
};

// The search runs in jobtrack.search_application_ids (migration 0005): under row-level security
// an ILIKE cannot use the trigram index, and that function, confined to the person's own rows,
// can. The outer query stays under the policy.
function searchFilter(q: string) {
  if (!q) return undefined;
  return sql`${applications.id} in (select jobtrack.search_application_ids(${containsPattern(q)}::text))`;
}

/** How many of the person's applications (matching `q`, if given) have each status: one grouped query. */
function countByStatus(tx: Tx, userId: string, q = '') {
  return tx
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(and(eq(applications.userId, userId), searchFilter(q)))
    .groupBy(applications.status);
}

function statusCounts(rows: Array<{ status: Status; n: number }>): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

const sum = (counts: StatusCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

// The page's ids are found first, walking only the index of the list's order (no row is read
// to skip it), then just those rows are fetched: a deep page costs an index walk, never a sort of
// the whole account.
function pageRows(tx: Tx, userId: string, query: ListQuery, offset: number) {
  const ids = tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.userId, userId),
        query.status ? eq(applications.status, query.status) : undefined,
        searchFilter(query.q),
      ),
    )
    .orderBy(...ORDER[query.sort])
    .limit(PAGE_SIZE)
    .offset(offset);
  return tx
    .select({
      id: applications.id,
      company: applications.company,
      role: applications.role,
      status: applications.status,
      closingDate: applications.closingDate,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(and(eq(applications.userId, userId), inArray(applications.id, ids)))
    .orderBy(...ORDER[query.sort]);
}

/** One page of the list for `query`, with counts per status and the page window. */
export async function listApplications(context: AppLoadContext, who: Person, query: ListQuery) {
  const userId = personId(who);
  const requestedOffset = (Math.max(1, query.page) - 1) * PAGE_SIZE;
  const [countRows, requestedRows] = await asUser(context, who, (tx) => [
    // Counts follow the search but not the status filter, so each count says what its link will show.
    countByStatus(tx, userId, query.q),
    pageRows(tx, userId, query, requestedOffset),
  ]);
  const counts = statusCounts(countRows);
  const matching = query.status ? counts[query.status] : sum(counts);
  const { page, pages, offset } = pageWindow(matching, query.page);
  // Only a page past the end (an old link, say) needs a second look, at the last real page.
  const rows =
    offset === requestedOffset
      ? requestedRows
      : (await asUser(context, who, (tx) => [pageRows(tx, userId, query, offset)]))[0];
  return {
    rows: rows.map((r): ListRow => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    counts,
    total: sum(counts),
    matching,
    page,
    pages,
  };
}

/** The dashboard: open applications closing from `today` to a week later (soonest first), and counts. */
export async function loadDashboard(context: AppLoadContext, who: Person, today: string) {
  const userId = personId(who);
  const [countRows, closingSoon] = await asUser(context, who, (tx) => [
    countByStatus(tx, userId),
    tx
      .select({
        id: applications.id,
        company: applications.company,
        role: applications.role,
        status: applications.status,
        closingDate: applications.closingDate,
      })
      .from(applications)
      .where(
        and(
          eq(applications.userId, userId),
          gte(applications.closingDate, today),
          lte(applications.closingDate, addDays(today, 7)),
          notInArray(applications.status, [...CLOSED_STATUSES]),
        ),
      )
      .orderBy(applications.closingDate, applications.company, applications.id)
      .limit(50),
  ]);
  const counts = statusCounts(countRows);
  return {
    counts,
    total: sum(counts),
    closingSoon: closingSoon.map((r): ClosingSoonRow => ({ ...r, closingDate: r.closingDate! })),
  };
}

/** One of the person's applications with its status history (newest first), or null. */
export async function getApplication(context: AppLoadContext, who: Person, id: string) {
  const userId = personId(who);
  const [[row], history] = await asUser(context, who, (tx) => [
    tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, id), eq(applications.userId, userId))),
    // Asked for at once, not after the row: for an id that is not theirs it is simply empty.
    tx
      .select({
        id: statusChanges.id,
        fromStatus: statusChanges.fromStatus,
        toStatus: statusChanges.toStatus,
        changedAt: statusChanges.changedAt,
      })
      .from(statusChanges)
      .where(and(eq(statusChanges.applicationId, id), eq(statusChanges.userId, userId)))
      .orderBy(desc(statusChanges.changedAt), desc(statusChanges.id)),
  ]);
  if (!row) return null;
  const { userId: _owner, ...application } = row;
  return {
    application: {
      ...application,
      createdAt: application.createdAt.toISOString(),
      updatedAt: application.updatedAt.toISOString(),
    },
    history: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
  };
}
