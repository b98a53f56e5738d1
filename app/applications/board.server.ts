// The board's read: for each status, how many applications it has and the first of them (Saved
// by closing date, the rest by last update). One transaction; its statements are pipelined.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, inArray } from 'drizzle-orm';
import { applications as a } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import type { LondonNow } from './dates';
import { moveStatement, toMove, type MoveRows } from './moved.server';
import {
  closingOrderIds,
  countByStatus,
  listOrder,
  rowColumns,
  statusCounts,
  sum,
  toListRow,
} from './queries.server';
import { STATUSES, type Status } from './statuses';
import type { ListRow } from './types';

/**
 * Cards shown per column; the column links to the list for the rest. At most a list page: the
 * Saved column is the first of the list's closing-order page (board.test.ts holds it to that).
 */
export const BOARD_LIMIT = 20;

/** One column of the board. */
export type BoardColumn = { status: Status; total: number; rows: ListRow[] };

/** Every status as a column, in the order a search runs: one round trip. */
export async function loadBoard(
  context: AppLoadContext,
  who: Person,
  now: LondonNow,
  /** A status move to say above the board (moved.server.ts). */
  change: string | null = null,
) {
  const userId = personId(who);
  const [countRows, ...rest] = await asUser(context, who, (tx) => [
    countByStatus(tx, userId),
    ...STATUSES.map((status) => column(tx, userId, status, now)),
    ...(change ? [moveStatement(tx, userId, change)] : []),
  ]);
  const rows = rest.slice(0, STATUSES.length) as Array<Awaited<ReturnType<typeof column>>>;
  const moved = change ? (rest[STATUSES.length] as MoveRows) : [];
  const counts = statusCounts(countRows);
  const columns = STATUSES.map((status, i): BoardColumn => ({
    status,
    total: counts[status],
    rows: rows[i]!.map(toListRow),
  }));
  return { columns, total: sum(counts), move: toMove(moved) };
}

/**
 * A column's first cards: Saved by closing date, the rest by last update. Saved's ids come from the
 * list's closing-order runs (closingOrderIds), which read their indexes in order: sorted here
 * instead, that column read every row of the table (its order depends on the London clock).
 */
function column(tx: Tx, userId: string, status: Status, now: LondonNow) {
  const saved = status === 'saved';
  return tx
    .select(rowColumns)
    .from(a)
    .where(
      and(
        eq(a.userId, userId),
        eq(a.status, status),
        saved ? inArray(a.id, closingOrderIds(userId, status, now, 0)) : undefined,
      ),
    )
    .orderBy(...listOrder(saved ? 'closing' : 'updated', now))
    .limit(BOARD_LIMIT);
}
