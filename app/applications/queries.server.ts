// Reads of a person's applications. Each runs through asUser, so RLS is in force, and still filters
// on user_id itself: the policy is the safety net, not the only guard. A search's matches come
// from a function confined to the person by both (searchPage). Each page's statements go
// to the database together, in one round trip with the session check.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, count, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { applicationColumns, applications, statusChanges } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { eventsOf, toEventRow } from '~/events/events.server';
import type { LondonNow } from './dates';
import { foldPunctuation } from '#db/search-fold';
import { containsPattern, pageWindow, PAGE_SIZE, type ListQuery, type Sort } from './list-query';
import { moveStatement, toMove } from './moved.server';
import { STATUSES, type Status } from './statuses';
import type { ListRow } from './types';

/** How many applications have each status (zero included). */
export type StatusCounts = Record<Status, number>;

const a = applications;

/** The columns the list's orders read: the table's, or a search's matches (searchPage). */
type OrderColumns = Record<
  'id' | 'updatedAt' | 'dateApplied' | 'closingDate' | 'closingTime',
  SQLWrapper
>;

// Whether an advert has closed by `now`: an earlier closing date, or today's from its closing
// time. Each is written as a range on the closing date (an index can serve it) and is null for a
// row with no closing date, which is neither: closingOrderIds reads the three runs with them, the
// dashboard its saved adverts.
export const closedOn = (now: LondonNow, c: OrderColumns = a) =>
  sql`${c.closingDate} <= ${now.date}::date and (${c.closingDate} < ${now.date}::date
    or ${c.closingTime} <= ${now.time}::time)`;
export const openOn = (now: LondonNow) =>
  sql`${a.closingDate} >= ${now.date}::date and (${a.closingDate} > ${now.date}::date
    or ${a.closingTime} is null or ${a.closingTime} > ${now.time}::time)`;

/** True for an advert that has closed by `now` (closedOn); rows with no closing date are false. */
export function closedBy(now: LondonNow, c: OrderColumns = a): SQL {
  return sql`coalesce(${closedOn(now, c)}, false)`;
}

/**
 * The list's orders. Closing date: adverts still open first, soonest at the top, then the closed
 * ones, most recently closed first, then those without a date. Ties are broken by id so that
 * paging never shows a row twice or skips one.
 */
export function listOrder(sort: Sort, now: LondonNow, c: OrderColumns = a): SQL[] {
  const latest = [sql`${c.updatedAt} desc`, sql`${c.id} desc`];
  if (sort === 'updated') return latest;
  if (sort === 'applied') return [sql`${c.dateApplied} desc nulls last`, ...latest];
  const closed = closedBy(now, c);
  return [
    sql`${c.closingDate} is null`,
    closed,
    sql`case when not ${closed} then ${c.closingDate} end asc`,
    sql`case when not ${closed} then ${c.closingTime} end asc nulls last`,
    sql`${c.closingDate} desc`,
    ...latest,
  ];
}

/**
 * How many of the person's applications have each status: one grouped query, not yet sent (read
 * its rows with statusCounts).
 */
export function countByStatus(tx: Tx, userId: string) {
  return tx
    .select({ status: a.status, n: count() })
    .from(a)
    .where(eq(a.userId, userId))
    .groupBy(a.status);
}

/** The rows of countByStatus as a count for every status, zero included. */
export function statusCounts(rows: Array<{ status: Status; n: number }>): StatusCounts {
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

/**
 * The ids of a page of the closing-date order without a search, as three runs each read in the
 * order of an index: open adverts (soonest first), closed ones (most recently closed first), then
 * those without a date. Each run reads no further than the page's end, so no page sorts the account
 * as listOrder's one ORDER BY must (its boundary moves with the clock). `run` and `at` only
 * choose the page's rows, which pageRows puts in listOrder.
 */
export function closingOrderIds(
  userId: string,
  status: Status | null,
  now: LondonNow,
  offset: number,
): SQL {
  const take = offset + PAGE_SIZE;
  const own = sql`${a.userId} = ${userId}::uuid${status ? sql` and ${a.status} = ${status}` : sql``}`;
  const run = (n: number, where: SQL, order: SQL) =>
    sql`(select ${a.id} as id, ${n}::int as run, row_number() over (order by ${order}) as at
      from ${a} where ${own} and ${where} order by ${order} limit ${take})`;
  const latest = sql`${a.updatedAt} desc, ${a.id} desc`;
  const open = run(1, openOn(now), sql`${a.closingDate}, ${a.closingTime} nulls last, ${latest}`);
  // Closed and undated adverts are read from one index (no date last), in its order: for undated
  // ones the date is the same (none), so they come latest first, and only they are read.
  const closedIndexOrder = sql`${a.closingDate} desc nulls last, ${latest}`;
  const closed = run(2, closedOn(now), closedIndexOrder);
  const undated = run(3, sql`${a.closingDate} is null`, closedIndexOrder);
  return sql`(select id from (${open} union all ${closed} union all ${undated}) as runs
    order by run, at limit ${PAGE_SIZE} offset ${offset})`;
}

// The page's ids are found first, in the list's order (a walk of the matching index for each order:
// no row is read to skip it), then just those rows are fetched: a deep page never reads the whole
// account's rows.
function pageRows(tx: Tx, userId: string, query: ListQuery, now: LondonNow, offset: number) {
  const order = listOrder(query.sort, now);
  const ids =
    query.sort === 'closing'
      ? closingOrderIds(userId, query.status, now, offset)
      : tx
          .select({ id: a.id })
          .from(a)
          .where(and(eq(a.userId, userId), query.status ? eq(a.status, query.status) : undefined))
          .orderBy(...order)
          .limit(PAGE_SIZE)
          .offset(offset);
  return tx
    .select(rowColumns)
    .from(a)
    .where(and(eq(a.userId, userId), inArray(a.id, ids)))
    .orderBy(...order);
}

// A search runs in jobtrack.search_applications (migration 0021): under row-level security a LIKE
// cannot use the trigram index, and that function, confined to the person's own rows (the claims'
// and userId, which must agree), can. It runs once per page: its matches carry their status and
// the columns the orders read, so the counts and the page's ids both come from them, and only the
// page's own rows are read again, under the policy. The matches' columns have names of their own
// (found_…), which no table's column shares. The counts come back beside every row, and alone
// on a row of nulls when the page is empty.
function searchPage(tx: Tx, userId: string, query: ListQuery, now: LondonNow, offset: number) {
  const found = tx
    .$with('found', {
      id: sql<string>``.as('found_id'),
      status: sql<Status>``.as('found_status'),
      updatedAt: sql``.as('found_updated_at'),
      dateApplied: sql``.as('found_date_applied'),
      closingDate: sql``.as('found_closing_date'),
      closingTime: sql``.as('found_closing_time'),
    })
    .as(
      sql`select id as found_id, status as found_status, updated_at as found_updated_at,
        date_applied as found_date_applied, closing_date as found_closing_date,
        closing_time as found_closing_time
      from jobtrack.search_applications(${userId}::uuid, ${containsPattern(foldPunctuation(query.q))}::text)`,
    );
  const ids = tx
    .select({ id: found.id })
    .from(found)
    .where(query.status ? sql`${found.status} = ${query.status}` : undefined)
    .orderBy(...listOrder(query.sort, now, found))
    .limit(PAGE_SIZE)
    .offset(offset);
  const counts = sql<Partial<StatusCounts> | null>`(select json_object_agg(status, n)
    from (select ${found.status} as status, count(*) as n from ${found} group by 1) as by_status)`;
  return tx
    .with(found)
    .select({ counts: sql<Partial<StatusCounts> | null>`matched.counts`, ...rowColumns })
    .from(sql`(select ${counts} as counts) as matched`)
    .leftJoin(a, and(eq(a.userId, userId), inArray(a.id, ids)))
    .orderBy(...listOrder(query.sort, now));
}

type PageRow = Awaited<ReturnType<typeof pageRows>>[number];

/**
 * The counts per status and the rows of one page of the list for `query`, with the status move
 * `change` names (moved.server.ts) when there is one: one round trip.
 */
async function readPage(
  context: AppLoadContext,
  who: Person,
  query: ListQuery,
  now: LondonNow,
  offset: number,
  change: string | null = null,
) {
  const userId = personId(who);
  const moved = (tx: Tx) => (change ? [moveStatement(tx, userId, change)] : []);
  if (!query.q) {
    const [countRows, rows, moveRows = []] = await asUser(context, who, (tx) => [
      countByStatus(tx, userId),
      pageRows(tx, userId, query, now, offset),
      ...moved(tx),
    ]);
    return { counts: statusCounts(countRows), rows, move: toMove(moveRows) };
  }
  const [rows, moveRows = []] = await asUser(context, who, (tx) => [
    searchPage(tx, userId, query, now, offset),
    ...moved(tx),
  ]);
  const counts = Object.entries(rows[0]?.counts ?? {}) as Array<[Status, number]>;
  return {
    counts: statusCounts(counts.map(([status, n]) => ({ status, n }))),
    // A joined row has every column; the counts' own row, on an empty page, has none.
    rows: rows.flatMap(({ counts: _, ...row }) => (row.id === null ? [] : [row as PageRow])),
    move: toMove(moveRows),
  };
}

/** One page of the list for `query`, with counts per status and the page window. */
export async function listApplications(
  context: AppLoadContext,
  who: Person,
  query: ListQuery,
  now: LondonNow,
  /** A status move to say beside the list (moved.server.ts). */
  change: string | null = null,
) {
  const requestedOffset = (Math.max(1, query.page) - 1) * PAGE_SIZE;
  // Counts follow the search but not the status filter, so each count says what its link will show.
  const requested = await readPage(context, who, query, now, requestedOffset, change);
  const { counts, move } = requested;
  const matching = query.status ? counts[query.status] : sum(counts);
  const { page, pages, offset } = pageWindow(matching, query.page);
  // Only a page past the end (an old link, say) needs a second look, at the last real page.
  const { rows } =
    offset === requestedOffset ? requested : await readPage(context, who, query, now, offset);
  return { rows: rows.map(toListRow), counts, total: sum(counts), matching, page, pages, move };
}

/** The status history of one application, newest first (by the day it happened). */
function historyOf(tx: Tx, userId: string, id: string) {
  const s = statusChanges;
  return (
    tx
      .select({
        id: s.id,
        fromStatus: s.fromStatus,
        toStatus: s.toStatus,
        changedAt: s.changedAt,
        occurredOn: s.occurredOn,
        oneStep: sql<boolean>`${s.undo} is not null`,
      })
      .from(s)
      .where(and(eq(s.applicationId, id), eq(s.userId, userId)))
      // By the day it happened, then as recorded; an application's first entry (no "from") is the
      // oldest of any recorded together with it.
      .orderBy(
        sql`${s.happenedOn} desc`,
        sql`${s.changedAt} desc`,
        sql`${s.fromStatus} is null`,
        sql`${s.id} desc`,
      )
  );
}

/** The statements that read one application, its history and events, for a page's transaction. */
export function applicationStatements(tx: Tx, userId: string, id: string) {
  return [
    tx
      .select(applicationColumns)
      .from(a)
      .where(and(eq(a.id, id), eq(a.userId, userId))),
    // Asked for at once, not after the row: for an id that is not theirs they are simply empty.
    historyOf(tx, userId, id),
    eventsOf(tx, userId, id),
  ] as const;
}

type ApplicationRows = [
  Array<Omit<typeof a.$inferSelect, 'searchText'>>,
  Awaited<ReturnType<typeof historyOf>>,
  Awaited<ReturnType<typeof eventsOf>>,
];

/** The answer of applicationStatements: the application with its history, or null. */
export function toApplication([[row], history, events]: ApplicationRows) {
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
}

/** One of the person's applications with its status history (newest first) and events, or null. */
export async function getApplication(context: AppLoadContext, who: Person, id: string) {
  const userId = personId(who);
  return toApplication(await asUser(context, who, (tx) => applicationStatements(tx, userId, id)));
}
