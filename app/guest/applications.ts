// A guest's applications as the guest pages read them, and the two changes that need no form
// checks (a board move, a delete). Form handling lives in actions.ts and event-actions.ts, apart,
// so that the pages whose only form is a status change load it when a change is sent
// (status-change.ts).
import type { MoveResult } from '~/applications/board-moves';
import type { Status } from '~/applications/statuses';
import type { ExportedApplication } from '~/portability/format';
import { moveApplication, replaceById } from './records';
import { rememberMove, type LastMove } from './remembered-move';
import { GuestStorageError, readGuest, updateGuest } from './storage';

const notFound = () => new Response('Not found', { status: 404 });

/** The guest's application with this id, or a 404. */
export function requireGuestApplication(id: string | undefined): ExportedApplication {
  const read = readGuest();
  const found = read.ok ? read.document.applications.find((a) => a.id === id) : undefined;
  if (!found) throw notFound();
  return found;
}

/** Every application the guest has (none while the data cannot be read: the layout says why). */
export function guestApplications(): ExportedApplication[] {
  const read = readGuest();
  return read.ok ? read.document.applications : [];
}

/**
 * A status move (a board's card, or a status form once actions.ts has checked it): the history
 * entry it added, remembered for "Undo this move" (null when it already had that status), or why
 * it was not saved.
 */
export function moveGuestApplication(id: string, status: Status): MoveResult {
  if (!guestApplications().some((a) => a.id === id)) {
    return { error: 'It is no longer in this browser: it may have been deleted in another tab.' };
  }
  let move: LastMove | null = null;
  let change: string | null = null;
  try {
    updateGuest((apps) =>
      replaceById(apps, id, (a) => {
        const moved = moveApplication(a, status);
        if (moved === a) return a;
        // The entry the move appended, named as the page's history names it (records.ts historyOf).
        change = `${id}-${moved.statusHistory.length - 1}`;
        move = { before: a, at: moved.updatedAt, change };
        return moved;
      }),
    );
  } catch (error) {
    if (error instanceof GuestStorageError) return { error: error.message };
    throw error;
  }
  rememberMove(move);
  return { change };
}

/** Deletes the guest's application with this id. */
export function deleteGuestApplication(id: string) {
  requireGuestApplication(id);
  updateGuest((apps) => apps.filter((a) => a.id !== id));
}
