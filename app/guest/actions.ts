// Guest mode's form handling, run in the browser by the guest routes' clientActions: the same
// schemas and the same replies as the account's actions (app/applications/actions.server.ts),
// saved through the one storage module instead of the database.
import { parseWithZod } from '@conform-to/zod';
import { redirect } from '@remix-run/react';
import {
  addedSavedWithDate,
  ApplicationSchema,
  SAVED_WITH_DATE,
  StatusChangeSchema,
} from '~/applications/application-schema';
import { guestDetail } from './paths';
import { afterAnAnswer, UNDO_CHANGED_SINCE } from '~/applications/history-date';
import type { FormReply } from '~/components/forms';
import { wholeDateErrors } from '~/components/forms/date-parts';
import { answerBefore, editApplication, newApplication, replaceById } from './records';
import { guestApplications, requireGuestApplication } from './applications';
import { moveGuestApplication } from './changes';
import { lastMove, rememberMove } from './remembered-move';
import { GuestStorageError, prepareToSave, updateGuest } from './save';
import { changedElsewhere, changedSinceOpened } from '~/components/forms/versions';

/** The edit form's refusal when its application is gone. */
export const DELETED_ELSEWHERE =
  'This application was deleted in another tab, so this change was not saved. What you typed is still here: copy it into a new application if you still need it.';

/** The edit form's refusal when another tab saved the same application after the form opened. */
export const CHANGED_ELSEWHERE = changedElsewhere('application', 'another tab');

function refuseWith(formData: FormData, message: string) {
  const submission = parseWithZod(formData, { schema: ApplicationSchema });
  // Every typed value stays in the form with the message; nothing was saved.
  return submission.reply({ formErrors: [message] });
}

/** Saves the add or edit form: a new application when `id` is null, else changes to that one. */
export async function saveGuestApplication(request: Request, id: string | null) {
  await prepareToSave();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ApplicationSchema });
  if (submission.status !== 'success') return submission.reply();
  // Deleted in another tab while this form was open: say so beside the form, keeping what was typed.
  const current = id === null ? null : (await guestApplications()).find((a) => a.id === id);
  if (id !== null && !current) return refuseWith(formData, DELETED_ELSEWHERE);
  // Saved in another tab since this form opened: its defaults are stale, so saving them would
  // silently undo that change (versions.ts).
  const newer = current ? changedSinceOpened(formData, current) : null;
  if (newer) return { ...refuseWith(formData, CHANGED_ELSEWHERE), updatedAt: newer };
  const input = submission.value;
  if (id === null && addedSavedWithDate(input)) {
    return submission.reply({ fieldErrors: wholeDateErrors('dateApplied', SAVED_WITH_DATE) });
  }
  // An answer already dated before the new date applied would then come before applying.
  const answer = current ? answerBefore(current, input.dateApplied) : null;
  if (answer) {
    const message = afterAnAnswer(answer.answeredOn, answer.answeredBy);
    return submission.reply({ fieldErrors: wholeDateErrors('dateApplied', message) });
  }
  const created = id === null ? newApplication(input) : null;
  try {
    await updateGuest((apps) =>
      created
        ? [...apps, created]
        : // Changed only if it is still there: another tab may have deleted it meanwhile.
          replaceById(apps, id!, (a) => editApplication(a, input)),
    );
  } catch (error) {
    if (error instanceof GuestStorageError) return refuseWith(formData, error.message);
    throw error;
  }
  return redirect(guestDetail(created?.id ?? id!));
}

/**
 * The one-step status change from a row, the dashboard or an application's page, which then says
 * what moved: the refusal (400, or the storage's), or the id of the history entry the move made
 * (null when the status was already the one sent), which `undoGuestMove` can take back while
 * nothing has changed the application since. Throws 404 for an unknown id.
 */
export async function moveGuestStatus(
  request: Request,
  id: unknown,
): Promise<{ refused: FormReply } | { change: string | null }> {
  const formData = await request.formData();
  const appId = typeof id === 'string' ? id : String(formData.get('id') ?? '');
  await requireGuestApplication(appId);
  const submission = parseWithZod(formData, { schema: StatusChangeSchema });
  if (submission.status !== 'success') return { refused: submission.reply() };
  const moved = await moveGuestApplication(appId, submission.value.status);
  return 'error' in moved ? { refused: submission.reply({ formErrors: [moved.error] }) } : moved;
}

/**
 * "Undo this move" on a guest application's page: the status, date applied and follow-up date as
 * they were before the move, and its history without it, dated now as a change. What another tab
 * changed that the move did not touch (a date added, a history entry dated) stays. Null when
 * done, else the refusal to show; 404 for an unknown id.
 */
export async function undoGuestMove(id: string): Promise<FormReply | null> {
  await requireGuestApplication(id);
  const move = lastMove();
  const refused = (message: string): FormReply => ({ status: 'error', error: { '': [message] } });
  if (!move || move.before.id !== id) return refused(UNDO_CHANGED_SINCE);
  let undone = false;
  try {
    await updateGuest((apps) =>
      replaceById(apps, id, (a) => {
        // Only if it is still as the move left it: another tab may have changed it meanwhile.
        const history = a.statusHistory;
        if (a.updatedAt !== move.at || history.at(-1)?.at !== move.at) return a;
        undone = true;
        // The move's entry goes; one the history's cap dropped to make room for it comes back.
        const dropped = move.before.statusHistory.slice(
          0,
          move.before.statusHistory.length - (history.length - 1),
        );
        return {
          ...a,
          status: move.before.status,
          dateApplied: move.before.dateApplied,
          followUpOn: move.before.followUpOn,
          statusHistory: [...dropped, ...history.slice(0, -1)],
          updatedAt: new Date().toISOString(),
        };
      }),
    );
  } catch (error) {
    if (error instanceof GuestStorageError) return refused(error.message);
    throw error;
  }
  if (!undone) return refused(UNDO_CHANGED_SINCE);
  rememberMove(null);
  return null;
}
