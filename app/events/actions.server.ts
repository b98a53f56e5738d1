// The events' and follow-up's form actions. A form that arrives after the session ended answers
// 401 with every typed value (as the application forms do), not a redirect that loses them. Each
// costs one round trip: the session is checked in the write's own transaction. An edit or delete
// of a date saved elsewhere since its page opened is refused (components/forms/versions.ts).
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs } from '@remix-run/cloudflare';
import { SessionEnded } from '~/auth/current-user.server';
import { claimForForm } from '~/auth/form-claim.server';
import { invalid, readForm } from '~/components/forms/form.server';
import {
  changedBeforeDelete,
  changedElsewhere,
  OPENED_VERSION,
  openedVersion,
  IN_AN_ACCOUNT,
  type DeleteRefusal,
} from '~/components/forms/versions';
import { notFound, requireUuid } from '~/http/not-found.server';
import { EventSchema, FollowUpSchema, MAX_EVENTS_PER_APPLICATION } from './event-schema';
import { addEvent, deleteEvent, setFollowUp, updateEvent } from './events.server';
import { nextKeyFor } from '~/applications/one-time-key';
import { beforeApplied, CLEAR_FOLLOW_UP, DELETE_EVENT } from './follow-up';

const SAVED_BEFORE =
  'This form was saved before, with other details: that date is on the application, unchanged. ' +
  'Save again to add these details as another date.';

/**
 * Adds an event (no `eventId` in the route), or changes or deletes one; back to the application's
 * page when done. 404 for an application or event that is not the person's.
 */
export async function saveEvent(args: ActionFunctionArgs) {
  const id = requireUuid(args.params.id);
  const eventId = args.params.eventId === undefined ? null : requireUuid(args.params.eventId);
  const formData = await readForm(args.request);
  const claim = await claimForForm(args.request, args.context, formData);
  if (!claim.ok) return claim.refused;
  const { user, signedOut } = claim;
  const back = redirect(`/applications/${id}#events`);
  try {
    const opened = openedVersion(formData);
    if (eventId && formData.get('intent') === DELETE_EVENT) {
      const deleted = await deleteEvent(args.context, user, id, eventId, opened);
      if (deleted === 'missing') throw notFound();
      if (deleted !== 'saved') {
        const refusal: DeleteRefusal = {
          deleteRefused: changedBeforeDelete(IN_AN_ACCOUNT),
          [OPENED_VERSION]: deleted.newer,
        };
        return data(refusal, { status: 409 });
      }
      return back;
    }
    const submission = parseWithZod(formData, { schema: EventSchema });
    if (submission.status !== 'success') return invalid(submission);
    if (eventId) {
      const saved = await updateEvent(args.context, user, id, eventId, submission.value, opened);
      if (saved === 'missing') throw notFound();
      if (saved !== 'saved') {
        return invalid(
          submission,
          { formErrors: [changedElsewhere('date', IN_AN_ACCOUNT)] },
          { status: 409 },
          { [OPENED_VERSION]: saved.newer },
        );
      }
      return back;
    }
    const added = await addEvent(args.context, user, id, submission.value);
    if (added === 'missing') throw notFound();
    // Sent, then changed after Back: neither dropped nor saved over the first; the form shown
    // again carries the next key (in the answer itself: with JavaScript no loader runs after a
    // 4xx), so saving it adds these details, once (nextKeyFor).
    if (added === 'saved-differently') {
      const { createKey, ...details } = submission.value;
      const next = nextKeyFor(user.id, String(createKey), details);
      return invalid(
        submission,
        { formErrors: [SAVED_BEFORE] },
        { status: 409 },
        { createKey: next },
      );
    }
    if (added === 'full') {
      return invalid(submission, {
        formErrors: [
          `This application already has ${MAX_EVENTS_PER_APPLICATION} dates, the most it can hold. Delete one you no longer need, then add this one.`,
        ],
      });
    }
    return back;
  } catch (error) {
    // The session was found to have ended in the write's own round trip; nothing was written.
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
}

/** Sets or removes an application's follow-up date; back to its page when done. */
export async function saveFollowUp(args: ActionFunctionArgs) {
  const id = requireUuid(args.params.id);
  const formData = await readForm(args.request);
  const claim = await claimForForm(args.request, args.context, formData);
  if (!claim.ok) return claim.refused;
  const { user, signedOut } = claim;
  const submission = parseWithZod(formData, { schema: FollowUpSchema });
  let followUpOn: string | null = null;
  if (formData.get('intent') !== CLEAR_FOLLOW_UP) {
    if (submission.status !== 'success') return invalid(submission);
    if (!submission.value.followUpOn) {
      return invalid(submission, {
        fieldErrors: { followUpOn: ['Enter the date to chase by, or choose Remove'] },
      });
    }
    followUpOn = submission.value.followUpOn;
  }
  let outcome: Awaited<ReturnType<typeof setFollowUp>>;
  try {
    outcome = await setFollowUp(args.context, user, id, followUpOn);
  } catch (error) {
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
  if (outcome === 'missing') throw notFound();
  if (outcome !== 'saved') {
    return invalid(submission, { fieldErrors: { followUpOn: [beforeApplied(outcome.appliedOn)] } });
  }
  return redirect(`/applications/${id}#follow-up`);
}
