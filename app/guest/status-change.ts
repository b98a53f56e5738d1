// The one-step status change from a list row, the dashboard ("Mark as ghosted") and an
// application's page. Those pages have no other form, so the change's handling (actions.ts, which
// brings Conform's zod adapter and the form schemas) is not in their first load: it loads when a
// change is sent, and guest mode fetches it as it opens (preload.tsx), so that it is there offline
// (docs/decisions/032).
import type { TypedResponse } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/react';
import { UNDO_MOVE } from '~/applications/history-date';
import type { FormReply } from '~/components/forms';
import { loadApplicationHandling, loadHandling } from './handling';
import { withMoveSaidIn, withoutMove, withUndoneIn } from './last-move';

/** Said when the handling cannot be fetched: a browser keeps a failed module fetch for the page's life. */
export const NOT_LOADED_MESSAGE =
  'The status was not changed: JobTrack could not load what it needs to change it. Reload the page and try again.';

const NOT_LOADED_UNDO =
  'The move was not undone: JobTrack could not load what it needs to undo it. Reload the page and try again.';

const refusal = (message: string): FormReply => ({ status: 'error', error: { '': [message] } });

/** actions.ts, or null when its code cannot be fetched. */
const loaded = () => loadHandling(loadApplicationHandling);

/** actions.ts's `moveGuestStatus`, or a refusal when its code cannot be fetched. */
export async function moveGuestStatus(request: Request, id: string) {
  const actions = await loaded();
  return actions ? actions.moveGuestStatus(request, id) : { refused: refusal(NOT_LOADED_MESSAGE) };
}

/** actions.ts's `undoGuestMove`, or a refusal when its code cannot be fetched. */
export async function undoGuestMove(id: string): Promise<FormReply | null> {
  const actions = await loaded();
  return actions ? actions.undoGuestMove(id) : refusal(NOT_LOADED_UNDO);
}

/**
 * A status change from a row of the list or the dashboard, or "Undo this move" beside the one just
 * made; then back to `page` with the fragment it had (the list's filters), saying what happened
 * as the account's pages do (`namedGuestMove` reads the move back from the fragment).
 */
export async function moveOrUndo(
  request: Request,
  page: string,
): Promise<FormReply | TypedResponse<never>> {
  const form = await request.clone().formData();
  const id = String(form.get('id') ?? '');
  const hash = withoutMove(window.location.hash);
  if (form.get('intent') === UNDO_MOVE) {
    const refused = await undoGuestMove(id);
    // Marked as the undo's, so that the page says it where Undo was pressed.
    if (refused) return { ...refused, initialValue: { intent: UNDO_MOVE } };
    return redirect(`${page}${withUndoneIn(hash)}`);
  }
  const moved = await moveGuestStatus(request, id);
  if ('refused' in moved) return moved.refused;
  return redirect(`${page}${withMoveSaidIn(hash, moved.change)}`);
}
