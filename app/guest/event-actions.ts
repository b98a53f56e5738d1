// The guest's event, follow-up and status-change date forms, run in the browser by their routes'
// clientActions: the same schemas and replies as the account's (app/events/actions.server.ts,
// app/applications/history-date.server.ts), saved through the one storage module.
import { parseWithZod } from '@conform-to/zod';
import { redirect } from '@remix-run/react';
import { EventSchema, FollowUpSchema, MAX_EVENTS_PER_APPLICATION } from '~/events/event-schema';
import { beforeApplied, CLEAR_FOLLOW_UP, DELETE_EVENT, followsApplying } from '~/events/follow-up';
import { guestApplications } from './applications';
import { addEvent, deleteEvent, setFollowUp, updateEvent } from './events';
import { guestDetail } from './paths';
import { dateHistoryEntry, moveApplication, replaceById } from './records';
import { asksToMoveOn, movesOnFrom } from '~/events/kinds';
import { HistoryDateSchema } from '~/applications/history-date-schema';
import {
  dayOf,
  isAnswer,
  isDateable,
  refusalOf,
  type DatedMove,
  type Surroundings,
} from '~/applications/history-date';
import type { ExportedApplication } from '~/portability/format';
import { GuestStorageError, prepareToSave, updateGuest } from './save';
import {
  changedBeforeDelete,
  changedElsewhere,
  changedSinceOpened,
  type DeleteRefusal,
} from '~/components/forms/versions';

/** The refusal when the application went (deleted in another tab) while the form was open. */
export const APPLICATION_GONE =
  'This application was deleted in another tab, so this was not saved. What you typed is still here: copy it if you still need it.';
/** The refusal when the event went while its form was open. */
export const EVENT_GONE =
  'This date was deleted in another tab, so this change was not saved. What you typed is still here: add it again from the application’s page if you still need it.';

/** The edit form's refusal when another tab saved the same date after the form opened. */
export const DATE_CHANGED_ELSEWHERE = changedElsewhere('date', 'another tab');
/** The delete button's refusal when another tab saved the date after the page opened. */
export const DATE_CHANGED_BEFORE_DELETE = changedBeforeDelete('another tab');

const notFound = () => new Response('Not found', { status: 404 });

/** Saves through storage; a refusal (full, blocked, unreadable) comes back as its message. */
async function save(change: Parameters<typeof updateGuest>[0]): Promise<string | null> {
  try {
    await updateGuest(change);
    return null;
  } catch (error) {
    if (error instanceof GuestStorageError) return error.message;
    throw error;
  }
}

/**
 * The add form (no `eventId`) or the edit page's save or delete; back to the application's page
 * when done. Refusals keep every typed value beside the form (a delete's, beside its button).
 */
export async function saveGuestEvent(
  request: Request,
  applicationId: string,
  eventId: string | null,
) {
  await prepareToSave();
  const formData = await request.formData();
  if (eventId && formData.get('intent') === DELETE_EVENT) {
    return deleteGuestEvent(formData, applicationId, eventId);
  }
  return saveEventForm(formData, applicationId, eventId);
}

/** The add form alone: saveGuestEvent without an event to edit or delete. */
export async function addGuestEvent(request: Request, applicationId: string) {
  await prepareToSave();
  return saveEventForm(await request.formData(), applicationId, null);
}

const storedApplication = async (applicationId: string) =>
  (await guestApplications()).find((a) => a.id === applicationId);

async function deleteGuestEvent(
  formData: FormData,
  applicationId: string,
  eventId: string,
): Promise<DeleteRefusal | ReturnType<typeof redirect>> {
  const stored = (await storedApplication(applicationId))?.events.find((e) => e.id === eventId);
  if (!stored) throw notFound();
  // Changed in another tab since this page opened: the person has not seen what they would delete.
  const newer = changedSinceOpened(formData, stored);
  if (newer) return { deleteRefused: DATE_CHANGED_BEFORE_DELETE, updatedAt: newer };
  const refused = await save((apps) =>
    replaceById(apps, applicationId, (a) => deleteEvent(a, eventId)),
  );
  return refused ? { deleteRefused: refused } : redirect(guestDetail(applicationId));
}

async function saveEventForm(formData: FormData, applicationId: string, eventId: string | null) {
  const submission = parseWithZod(formData, { schema: EventSchema });
  if (submission.status !== 'success') return submission.reply();
  const refuse = (message: string) => submission.reply({ formErrors: [message] });
  const application = await storedApplication(applicationId);
  if (!application) return refuse(APPLICATION_GONE);
  const input = submission.value;
  const back = redirect(guestDetail(applicationId));
  if (eventId) {
    const stored = application.events.find((e) => e.id === eventId);
    if (!stored) return refuse(EVENT_GONE);
    // Saved in another tab since this form opened: saving its stale values would undo that.
    const newer = changedSinceOpened(formData, stored);
    if (newer) return { ...refuse(DATE_CHANGED_ELSEWHERE), updatedAt: newer };
    const refused = await save((apps) =>
      replaceById(apps, applicationId, (a) => updateEvent(a, eventId, input)),
    );
    return refused ? refuse(refused) : back;
  }
  // The add form's one-time key is the event's id: sent twice, it is added once.
  const id = input.createKey ?? crypto.randomUUID();
  let full = false;
  const refused = await save((apps) =>
    replaceById(apps, applicationId, (a) => {
      const added = addEvent(a, input, id);
      full = added === 'full';
      if (added === 'full') return a;
      // The form's box: an interview moves a Saved or Applied application on, as in an account.
      return asksToMoveOn(input) && movesOnFrom(added.status)
        ? moveApplication(added, 'interviewing')
        : added;
    }),
  );
  if (refused) return refuse(refused);
  if (full) {
    return refuse(
      `This application already has ${MAX_EVENTS_PER_APPLICATION} dates, the most it can hold. Delete one you no longer need, then add this one.`,
    );
  }
  return back;
}

/** Sets or removes the follow-up date; back to the application's page when done. */
export async function saveGuestFollowUp(request: Request, applicationId: string) {
  await prepareToSave();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: FollowUpSchema });
  let followUpOn: string | null = null;
  if (formData.get('intent') !== CLEAR_FOLLOW_UP) {
    if (submission.status !== 'success') return submission.reply();
    if (!submission.value.followUpOn) {
      return submission.reply({
        fieldErrors: { followUpOn: ['Enter the date to chase by, or choose Remove'] },
      });
    }
    followUpOn = submission.value.followUpOn;
  }
  const application = (await guestApplications()).find((a) => a.id === applicationId);
  if (!application) return submission.reply({ formErrors: [APPLICATION_GONE] });
  if (followUpOn && !followsApplying(followUpOn, application.dateApplied)) {
    return submission.reply({
      fieldErrors: { followUpOn: [beforeApplied(application.dateApplied!)] },
    });
  }
  const refused = await save((apps) =>
    replaceById(apps, applicationId, (a) => setFollowUp(a, followUpOn)),
  );
  if (refused) return submission.reply({ formErrors: [refused] });
  return redirect(guestDetail(applicationId));
}

/** The refusal when the change went (its application deleted in another tab) while the form was open. */
export const CHANGE_GONE =
  'This application was deleted in another tab, so this date was not saved.';

/** What the `index`th move of `a`'s history is weighed against, as history-date.server.ts reads it. */
function surroundings(a: ExportedApplication, index: number): Surroundings {
  const history = a.statusHistory;
  const move = history[index]!;
  const time = Date.parse(move.at);
  const day = dayOf(move);
  const sent = history.filter((h) => h.to === 'applied').map((h) => Date.parse(h.at));
  const start = Math.max(-Infinity, ...sent.filter((t) => t < time));
  const end = Math.min(Infinity, ...sent.filter((t) => t > time));
  let earlier: (DatedMove & { at: number }) | null = null;
  let later: (DatedMove & { at: number }) | null = null;
  for (const h of history) {
    const at = Date.parse(h.at);
    if (!isAnswer(h.from, h.to) || at < start || at >= end) continue;
    const other = { on: dayOf(h), toStatus: h.to, at };
    if (at < time && other.on <= day) {
      if (!earlier || other.on > earlier.on || (other.on === earlier.on && at > earlier.at)) {
        earlier = other;
      }
    } else if (at > time && other.on >= day) {
      if (!later || other.on < later.on || (other.on === later.on && at < later.at)) later = other;
    }
  }
  const dated = (m: typeof earlier) => (m ? { on: m.on, toStatus: m.toStatus } : null);
  return {
    answer: isAnswer(move.from, move.to),
    latest: end === Infinity,
    dateApplied: a.dateApplied,
    earlier: dated(earlier),
    later: dated(later),
  };
}

/**
 * Dates the change at `index` in an application's stored history (its page's fragment names both);
 * back to the application's page when done.
 */
export async function saveGuestHistoryDate(request: Request, applicationId: string, index: number) {
  await prepareToSave();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: HistoryDateSchema });
  if (submission.status !== 'success') return submission.reply();
  const { on } = submission.value;
  const application = (await guestApplications()).find((a) => a.id === applicationId);
  const change = application?.statusHistory[index];
  if (!application || !change || !isDateable(change.to)) {
    return submission.reply({ formErrors: [CHANGE_GONE] });
  }
  // Weighed in the save itself, against the history as stored then (another tab may have dated
  // a move since this page read it).
  let outOfRule = null as string | null;
  const refused = await save((apps) =>
    replaceById(apps, applicationId, (a) => {
      outOfRule = a.statusHistory[index] ? refusalOf(on, surroundings(a, index)) : null;
      return outOfRule ? a : dateHistoryEntry(a, index, on);
    }),
  );
  if (refused) return submission.reply({ formErrors: [refused] });
  if (outOfRule) return submission.reply({ fieldErrors: { on: [outOfRule] } });
  return redirect(guestDetail(applicationId));
}
