// What a page says of a guest's status move just made from a list, the board or the dashboard,
// read from the page's fragment; the move itself is remembered in remembered-move.ts.
import { useLocation } from '@remix-run/react';
import { useMemo } from 'react';
import type { Move } from '~/applications/move-notice';
import { splitUndoRefusal } from '~/applications/undo-move';
import type { FormReply } from '~/components/forms/messages';
import { MOVE_UNDONE, STATUS_UNCHANGED } from '~/applications/move-said';
import type { ExportedApplication } from '~/portability/format';
import { lastMove } from './remembered-move';

// What a status change from a list, the board or the dashboard did goes in the fragment, never the
// query: the fragment is not sent to the server (nor in a Referer), and an application's id, even
// that a guest undid a move, is guest data (docs/decisions/025).
const MOVED = 'moved';
const UNDONE = 'undone';
const UNCHANGED = 'unchanged';

const paramsOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));

/** A page's fragment saying that the move it named was undone. */
export function withUndoneIn(hash: string): string {
  const params = paramsOf(withoutMove(hash));
  params.set(UNDONE, '1');
  return `#${params}`;
}

/**
 * A page's fragment (`#status=applied`, or none) saying what a status change did as well: the
 * move `change`, or, for null, that the status sent was the one the application had.
 */
export function withMoveSaidIn(hash: string, change: string | null): string {
  const params = paramsOf(withoutMove(hash));
  if (change) params.set(MOVED, change);
  else params.set(UNCHANGED, '1');
  return `#${params}`;
}

/** A page's fragment without the move it names or its undo, if any. */
export function withoutMove(hash: string): string {
  const params = paramsOf(hash);
  params.delete(MOVED);
  params.delete(UNDONE);
  params.delete(UNCHANGED);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/**
 * The move a page's fragment names (`#moved=<entry id>`, as a list, the board or the dashboard is
 * sent back to), said as the account's pages say it; null when there is none, or when another
 * move has overtaken it. It can be undone while it is the move this page made last and nothing
 * has changed the application since.
 */
export function namedGuestMove(hash: string, applications: ExportedApplication[]): Move | null {
  const change = paramsOf(hash).get(MOVED) ?? '';
  // An entry's id is its application's id and its place in that history (records.ts historyOf).
  const [, id, index] = /^(.+)-(\d+)$/.exec(change) ?? [];
  const application = applications.find((a) => a.id === id);
  const entry = application?.statusHistory[Number(index)];
  if (!application || !entry?.from || application.status !== entry.to) return null;
  const last = lastMove();
  return {
    id: change,
    applicationId: application.id,
    role: application.role,
    company: application.company,
    fromStatus: entry.from,
    toStatus: entry.to,
    undoable: last?.change === change && application.updatedAt === last.at,
  };
}

/**
 * What a guest list, the board or the dashboard says of a status move made from it (moveOrUndo):
 * the move, its undo, or a refused undo, with the page's fragment without them for "Close"; and
 * the rest of the page's last answer, for its own list of errors.
 */
export function useGuestMoveSaid(
  applications: ExportedApplication[],
  lastResult: FormReply | undefined,
) {
  const { hash } = useLocation();
  const move = useMemo(() => namedGuestMove(hash, applications), [hash, applications]);
  const params = paramsOf(hash);
  return {
    move,
    notice: params.has(UNDONE) ? MOVE_UNDONE : params.has(UNCHANGED) ? STATUS_UNCHANGED : null,
    close: withoutMove(hash),
    ...splitUndoRefusal(lastResult),
  };
}
