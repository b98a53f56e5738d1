// The two changes to a guest's applications that need no form checks: a status move (a board's
// card, or a status form once actions.ts has checked it) and a delete.
import type { MoveResult } from '~/applications/board-moves';
import type { Status } from '~/applications/statuses';
import { guestApplications, requireGuestApplication } from './applications';
import { moveApplication, replaceById } from './records';
import { rememberMove, type LastMove } from './remembered-move';
import { GuestStorageError, prepareToSave, updateGuest } from './save';

/**
 * A status move (a board's card, or a status form once actions.ts has checked it): the history
 * entry it added, remembered for "Undo this move" (null when it already had that status), or why
 * it was not saved.
 */
export async function moveGuestApplication(id: string, status: Status): Promise<MoveResult> {
  await prepareToSave();
  if (!(await guestApplications()).some((a) => a.id === id)) {
    return { error: 'It is no longer in this browser: it may have been deleted in another tab.' };
  }
  let move: LastMove | null = null;
  let change: string | null = null;
  try {
    await updateGuest((apps) =>
      replaceById(apps, id, (a) => {
        const moved = moveApplication(a, status);
        if (moved === a) return a;
        // The entry the move appended, named as the page's history names it (detail.ts historyOf).
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
export async function deleteGuestApplication(id: string) {
  await requireGuestApplication(id);
  await updateGuest((apps) => apps.filter((a) => a.id !== id));
}
