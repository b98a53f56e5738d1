// Reads of a person's applications. Each runs through asUser, so RLS is in force, and still filters
// on user_id itself: the policy is the safety net, not the only guard.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { asUser, type Tx } from '~/db.server';
import { eventsOf, toEventRow } from '~/events/events.server';
import type { LondonNow } from './dates';
import { containsPattern, pageWindow, PAGE_SIZE, type ListQuery, type Sort } from './list-query';
import { STATUSES, type Status } from './statuses';
import type { ListRow } from './types';

/** How many applications have each status (zero included). */
export type StatusCounts = Record<Status, number>;

const a = applications;

/**
 * True for an advert that has closed by `now`: an earlier closing date, or today's from its
 * closing time. Rows with no closing date are false.
 */
export function closedBy(now: LondonNow): SQL {
  return sql`coalesce(${a.closingDate} < ${now.date}::date or (${a.closingDate} = ${now.date}::date and ${a.closingTime} <= ${now.time}::time), false)`;
}

/**
 * The list's orders. Closing date: adverts still open first, soonest at the top, then the closed
 * ones, most recently closed first, then those without a date. Ties are broken by id so that
 * paging never shows a row twice or skips one.
 */
export function listOrder(sort: Sort, now: LondonNow): SQL[] {
  const latest = [sql`${a.updatedAt} desc`, sql`${a.id} desc`];
  if (sort === 'updated') return latest;
  if (sort === 'applied') return [sql`${a.dateApplied} desc nulls last`, ...latest];
  const closed = closedBy(now);
  return [
    sql`${a.closingDate} is null`,
    closed,
    sql`case when not ${closed} then ${a.closingDate} end asc`,
    sql`case when not ${closed} then ${a.closingTime} end asc nulls last`,
    sql`${a.closingDate} desc`,
    ...latest,
  ];
}

// The search runs in jobtrack.search_application_ids (migration 0007): under row-level security
// an ILIKE cannot use the trigram index, and that function, confined to the person's own rows,
// can. The outer query stays under the policy.
function searchFilter(q: string) {
  if (!q) return undefined;
  return sql`${a.id} in (select jobtrack.search_application_ids(${containsPattern(q)}::text))`;
}

/** How many of the person's applications (matching `q`, if given) have each status: one grouped query. */
export async function countByStatus(tx: Tx, userId: string, q = ''): Promise<StatusCounts> {
  const rows = await tx
    .select({ status: a.status, n: count() })
    .from(a)
    .where(and(eq(a.userId, userId), searchFilter(q)))
    .groupBy(a.status);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The sum of the counts. */
export const sum = (counts: StatusCounts) => Object.values(counts).reduce((x, y) => x + y, 0);

/** The columns a list row or a board card shows. */
export const rowColumns = {
  id: a.id,
  company: a.company,
  role: a.role,
  status: a.status,
  closingDate: a.closingDate,
  closingTime: a.closingTime,
  mayCloseEarly: a.mayCloseEarly,
  grade: a.grade,
  updatedAt: a.updatedAt,
};

/** A row as the page receives it (timestamps as ISO text). */
export const toListRow = (r: Omit<ListRow, 'updatedAt'> & { updatedAt: Date }): ListRow => ({
  ...r,
  updatedAt: r.updatedAt.toISOString(),
});

function pageRows(tx: Tx, userId: string, query: ListQuery, now: LondonNow, offset: number) {
  return tx
    .select(rowColumns)
    .from(a)
    .where(
      and(
        eq(a.userId, userId),
        query.status ? eq(a.status, query.status) : undefined,
        searchFilter(query.q),
      ),
    )
    .orderBy(...listOrder(query.sort, now))
    .limit(PAGE_SIZE)
    .offset(offset);
}

/** One page of the list for `query`, with counts per status and the page window. */
export function listApplications(
  context: AppLoadContext,
  userId: string,
  query: ListQuery,
  now: LondonNow,
) {
  return asUser(context, userId, async (tx) => {
    // Counts and the requested page go out together (postgres.js pipelines them on the
    // transaction's connection): one round trip instead of two.
    const requestedOffset = (Math.max(1, query.page) - 1) * PAGE_SIZE;
    const [counts, requestedRows] = await Promise.all([
      // Counts follow the search but not the status filter, so each count says what its link will show.
      countByStatus(tx, userId, query.q),
      pageRows(tx, userId, query, now, requestedOffset),
    ]);
    const matching = query.status ? counts[query.status] : sum(counts);
    const { page, pages, offset } = pageWindow(matching, query.page);
    // Only a page past the end (an old link, say) needs a second look, at the last real page.
    const rows =
      offset === requestedOffset ? requestedRows : await pageRows(tx, userId, query, now, offset);
    return { rows: rows.map(toListRow), counts, total: sum(counts), matching, page, pages };
  });
}

/** One of the person's applications with its status history (newest first) and events, or null. */
export function getApplication(context: AppLoadContext, userId: string, id: string) {
  return asUser(context, userId, async (tx) => {
    const s = statusChanges;
    // All three go out together: one round trip. History and events of an id that is not the
    // person's are empty, so they need not wait for the application's own row.
    const [[row], history, events] = await Promise.all([
      tx
        .select()
        .from(a)
        .where(and(eq(a.id, id), eq(a.userId, userId))),
      tx
        .select({
          id: s.id,
          fromStatus: s.fromStatus,
          toStatus: s.toStatus,
          changedAt: s.changedAt,
          occurredOn: s.occurredOn,
        })
        .from(s)
        .where(and(eq(s.applicationId, id), eq(s.userId, userId)))
        // By the day it happened, then as recorded; an application's first entry (no "from") is the
        // oldest of any recorded together with it.
        .orderBy(
          sql`coalesce(${s.occurredOn}, (${s.changedAt} at time zone 'Europe/London')::date) desc`,
          sql`${s.changedAt} desc`,
          sql`${s.fromStatus} is null`,
          sql`${s.id} desc`,
        ),
      eventsOf(tx, userId, id),
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
      events: events.map(toEventRow),
    };
  });
}
