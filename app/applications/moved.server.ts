// What a status move made from the list, the board or the dashboard did, said on the page the
// form returns to: the redirect names the move (`?notice=status-changed&change=<id>`), and the
// page's loader reads it in the same transaction as the page's own rows.
import { and, eq, sql } from 'drizzle-orm';
import { applications as a, statusChanges as s } from '#db/schema';
import type { Tx } from '~/db.server';
import { noticeFor, noticeKeyFor } from '~/components/notice';
import { isUuid } from '~/http/uuid';
import type { Move } from './move-notice';

/** What a page says when its address names no move: after an undo, or a status sent unchanged. */
export const noticeWithoutMove = (request: Request) =>
  noticeFor(request, ['status-undone', 'status-unchanged']);

/** The move this request's address names, if it came back from one; never anything malformed. */
export function namedMove(request: Request): string | null {
  if (!noticeKeyFor(request, ['status-changed'])) return null;
  const change = new URL(request.url).searchParams.get('change');
  return isUuid(change) ? change : null;
}

/** The move `change` with its application, only if both are the person's (and under RLS). */
export function moveStatement(tx: Tx, userId: string, change: string) {
  return tx
    .select({
      id: s.id,
      applicationId: s.applicationId,
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      // A one-step move, and still the last write to the application (undoMove checks again).
      undoable: sql<boolean>`${s.undo} is not null and ${s.changedAt} = ${a.updatedAt}`,
      role: a.role,
      company: a.company,
      status: a.status,
    })
    .from(s)
    .innerJoin(a, and(eq(a.id, s.applicationId), eq(a.userId, userId)))
    .where(and(eq(s.id, change), eq(s.userId, userId)));
}

export type MoveRows = Awaited<ReturnType<typeof moveStatement>>;

/**
 * The move to say, or null: none named, not the person's, or one another move has overtaken (the
 * application no longer has the status it moved to).
 */
export function toMove([row]: MoveRows): Move | null {
  if (!row || !row.fromStatus || row.status !== row.toStatus) return null;
  return {
    id: row.id,
    applicationId: row.applicationId,
    role: row.role,
    company: row.company,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    undoable: row.undoable,
  };
}
