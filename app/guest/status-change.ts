// The one-step status change from a list row, the dashboard ("Mark as ghosted") and an
// application's page. Those pages have no other form, so the change's handling (actions.ts, which
// brings Conform's zod adapter and the form schemas) is not in their first load: it loads when a
// change is sent, and guest mode fetches it as it opens (preload.tsx), so that it is there offline
// (docs/decisions/032).
import type { FormReply } from '~/components/forms';

/** Said when the handling cannot be fetched: a browser keeps a failed module fetch for the page's life. */
export const NOT_LOADED_MESSAGE =
  'The status was not changed: JobTrack could not load what it needs to change it. Reload the page and try again.';

const NOT_LOADED_UNDO =
  'The move was not undone: JobTrack could not load what it needs to undo it. Reload the page and try again.';

export const loadStatusChange = () => import('./actions');

/** actions.ts's `changeGuestStatus`, or a refusal when its code cannot be fetched. */
export async function changeGuestStatus(request: Request, id: unknown): Promise<FormReply | null> {
  let actions: Awaited<ReturnType<typeof loadStatusChange>>;
  try {
    actions = await loadStatusChange();
  } catch {
    return { status: 'error', error: { '': [NOT_LOADED_MESSAGE] } };
  }
  return actions.changeGuestStatus(request, id);
}

/** actions.ts's `moveGuestStatus`, or a refusal when its code cannot be fetched. */
export async function moveGuestStatus(
  request: Request,
  id: string,
): Promise<{ refused: FormReply } | { change: string | null; undoable: boolean }> {
  let actions: Awaited<ReturnType<typeof loadStatusChange>>;
  try {
    actions = await loadStatusChange();
  } catch {
    return { refused: { status: 'error', error: { '': [NOT_LOADED_MESSAGE] } } };
  }
  const outcome = await actions.moveGuestStatus(request, id);
  return 'refused' in outcome ? outcome : { ...outcome, undoable: actions.canUndoGuestMove(id) };
}

/** actions.ts's `undoGuestMove`, or a refusal when its code cannot be fetched. */
export async function undoGuestMove(id: string): Promise<FormReply | null> {
  let actions: Awaited<ReturnType<typeof loadStatusChange>>;
  try {
    actions = await loadStatusChange();
  } catch {
    return { status: 'error', error: { '': [NOT_LOADED_UNDO] } };
  }
  return actions.undoGuestMove(id);
}
