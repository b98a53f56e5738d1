// The applications' form actions, shared by the routes that show those forms: the add and edit
// pages (twins, one action) and the one-step status change and its undo, wherever they are shown.
import type { Submission } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type AppLoadContext } from '@remix-run/cloudflare';
import { SessionEnded } from '~/auth/current-user.server';
import { claimForForm } from '~/auth/form-claim.server';
import { invalid, readForm, refuse } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';
import {
  changedElsewhere,
  IN_AN_ACCOUNT,
  OPENED_VERSION,
  openedVersion,
} from '~/components/forms/versions';
import type { Person } from '~/db.server';
import { notFound, requireUuid } from '~/http/not-found.server';
import { wholeDateErrors } from '~/components/forms/date-parts';
import {
  addedSavedWithDate,
  ApplicationSchema,
  SAVED_WITH_DATE,
  StatusChangeSchema,
  UndoMoveSchema,
} from './application-schema';
import { afterAnAnswer, UNDO_CHANGED_SINCE, UNDO_MOVE } from './history-date';
import { isUuid } from '~/http/uuid';
import { withMoveSaid } from './move-notice';
import { ACCOUNT_FULL } from './limits';
import { applicationIdFor, nextKeyFor } from './one-time-key';
import { changeStatus, createApplication, updateApplication } from './mutations.server';
import { undoMove } from './undo-move.server';

const USED_KEY = 'This form could not be saved as it was. Save again to add this application.';
const SAVED_BEFORE =
  'This form was saved before, with other details: that application is in your list, ' +
  'unchanged. Save again to add these details as another application.';

/**
 * Saves the add or edit form: a new application when the route has no `id`, else changes to that
 * one (404 if it is not the person's). A form that arrives after the session ended answers 401
 * with every typed value, not a redirect to sign-in that would throw them away; without
 * JavaScript the page's loader then shows the form again (requireUserClaimOrRefusedForm, requireUserOrRefusedForm).
 */
export async function saveApplication({ request, params, context }: ActionFunctionArgs) {
  const id = params.id === undefined ? null : requireUuid(params.id);
  const formData = await readForm(request);
  const claim = await claimForForm(request, context, formData);
  if (!claim.ok) return claim.refused;
  const { user, signedOut } = claim;
  const submission = parseWithZod(formData, { schema: ApplicationSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (id === null && addedSavedWithDate(submission.value)) {
    return invalid(submission, { fieldErrors: wholeDateErrors('dateApplied', SAVED_WITH_DATE) });
  }
  try {
    if (id === null) {
      // The form's one-time key names the new application (through the person, so it can never
      // name someone else's), so a retried or doubled POST creates nothing. A form without one
      // (rendered before keys existed) saves undeduplicated.
      const key = formData.get('key');
      const newId = isUuid(key) ? applicationIdFor(user.id, key) : crypto.randomUUID();
      const saved = await createApplication(context, user, submission.value, newId);
      if (saved === 'not-theirs') return usedKey(submission, USED_KEY, crypto.randomUUID());
      if (saved === 'full') return invalid(submission, { formErrors: [ACCOUNT_FULL] });
      // Sent, then changed after Back: the changes are neither dropped nor saved over the first;
      // the form shown again carries a fresh key, so saving it adds them.
      if (saved === 'saved-differently') {
        return savedDifferently(submission, nextKeyFor(user.id, String(key), submission.value));
      }
      return redirect(`/applications/${newId}`);
    }
    const saved = await updateApplication(
      context,
      user,
      id,
      submission.value,
      openedVersion(formData),
    );
    if (saved === 'missing') throw notFound();
    if (typeof saved === 'object' && 'answeredOn' in saved) {
      const message = afterAnAnswer(saved.answeredOn, saved.answeredBy);
      return invalid(submission, { fieldErrors: wholeDateErrors('dateApplied', message) });
    }
    if (saved !== 'saved') return changedSince(submission, saved.newer);
  } catch (error) {
    // The session was found to have ended in the same round trip as the write, which did not run.
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
  return redirect(`/applications/${id}`);
}

/**
 * The 409 for an edit whose application was saved elsewhere after the form opened: every typed
 * value, and the newer version, which the form sends if the person saves again.
 */
function changedSince(submission: Submission<unknown>, newer: string) {
  return invalid(
    submission,
    { formErrors: [changedElsewhere('application', IN_AN_ACCOUNT)] },
    { status: 409 },
    { [OPENED_VERSION]: newer },
  );
}

/**
 * The 409 for a one-time key already saved with other details: every typed value, and the next
 * key (nextKeyFor) in the answer itself, because with JavaScript (single fetch) no loader runs
 * after a 4xx.
 */
export function savedDifferently(submission: Submission<unknown>, next: string) {
  return usedKey(submission, SAVED_BEFORE, next);
}

/** A 409 for a key that cannot save this form: every typed value, and a key to save it with. */
function usedKey(submission: Submission<unknown>, message: string, next: string) {
  return invalid(submission, { formErrors: [message] }, { status: 409 }, { key: next });
}

/**
 * Applies a one-step status change from a submitted form (an application's page, a list row, a
 * board card, the dashboard's "Mark as ghosted"): the refusal to answer with (400), or the
 * history entry the move made, which the page then says (null when the status was already the one
 * sent). Throws 404 for an id that is not the person's.
 */
export async function moveStatus(
  context: AppLoadContext,
  who: Person,
  id: unknown,
  formData: FormData,
) {
  if (formData.get('intent') !== 'status') {
    return { refused: refuse(formData, 'That form could not be handled. Please try again.') };
  }
  const appId = requireUuid(id);
  const submission = parseWithZod(formData, { schema: StatusChangeSchema });
  if (submission.status !== 'success') return { refused: invalid(submission) };
  const moved = await changeStatus(context, who, appId, submission.value.status);
  if (!moved.found) throw notFound();
  return { change: moved.change };
}

/**
 * "Undo" beside a status move just made on an application's page: the refusal to answer with
 * (409 when the application has changed since), or null when undone; 404 if not the person's.
 */
export async function undoStatusMove(
  context: AppLoadContext,
  who: Person,
  id: unknown,
  formData: FormData,
) {
  const appId = requireUuid(id);
  const submission = parseWithZod(formData, { schema: UndoMoveSchema });
  if (submission.status !== 'success') return invalid(submission);
  const outcome = await undoMove(context, who, appId, submission.value.change);
  if (outcome === 'missing') throw notFound();
  if (outcome === 'changed-since') {
    return invalid(submission, { formErrors: [UNDO_CHANGED_SINCE] }, { status: 409 });
  }
  return null;
}

/**
 * The status form of a list row, a board card or the dashboard, or "Undo this move" beside the
 * move it just made: the refusal to answer with, or the redirect back to `page`, which says what
 * happened (the move named for moved.server.ts, or the undo's notice). 404 for an application
 * that is not the person's.
 */
export async function moveOrUndo(
  context: AppLoadContext,
  who: Person,
  formData: FormData,
  page: string,
) {
  if (formData.get('intent') === UNDO_MOVE) {
    const refused = await undoStatusMove(context, who, formData.get('id'), formData);
    return refused ?? redirect(withNotice(page, 'status-undone'));
  }
  const moved = await moveStatus(context, who, formData.get('id'), formData);
  if ('refused' in moved) return moved.refused;
  return redirect(withMoveSaid(page, moved.change));
}
