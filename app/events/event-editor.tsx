import { Form } from '@remix-run/react';
import { FormErrors, SubmitButton, type Constraints, type FormReply } from '~/components/forms';
import { OPENED_VERSION, useOpenedVersion, type DeleteRefusal } from '~/components/forms/versions';
import { EventForm, eventFormValues } from './event-form';
import type { EventRow } from './events.server';
import { DELETE_EVENT } from './follow-up';

/**
 * An event's edit page below its heading, for accounts and guests alike: the form, and a card to
 * delete the date. Each carries the version of the date it opened (`version`), so neither undoes a
 * change saved in another tab or device; a refusal names the newer version, which the form then
 * sends if the person tries again.
 */
export function EventEditor({
  event,
  version,
  constraint,
  result,
  action,
  cancelTo,
  deleteNote,
}: {
  /** Null when the form comes back after the session ended: it shows what was sent. */
  event: EventRow | null;
  version: string | null;
  constraint: Constraints;
  /** The page's action answer: the edit form's reply, or the delete button's refusal. */
  result: FormReply | DeleteRefusal | null | undefined;
  /** Where both forms post: the page itself unless told (guest mode keeps ids in the fragment). */
  action?: string;
  cancelTo: string;
  /** What deleting does beyond this page (an account's calendar feed, a guest's own files). */
  deleteNote: string;
}) {
  const deleteRefusal = result && 'deleteRefused' in result ? result : null;
  const lastResult = result && !('deleteRefused' in result) ? result : null;
  const editOpened = useOpenedVersion(version ?? '', lastResult);
  const deleteOpened = useOpenedVersion(version ?? '', deleteRefusal);
  return (
    <>
      <EventForm
        constraint={constraint}
        defaultValue={event ? eventFormValues(event) : undefined}
        lastResult={lastResult}
        action={action}
        cancelTo={cancelTo}
        submitLabel="Save changes"
        updatedAt={editOpened || undefined}
      />
      <section className="card" aria-labelledby="delete-event">
        <h2 id="delete-event">Delete this date</h2>
        <FormErrors errors={deleteRefusal ? [deleteRefusal.deleteRefused] : []} />
        <p>{deleteNote}</p>
        <Form method="post" action={action}>
          <input type="hidden" name="intent" value={DELETE_EVENT} />
          {deleteOpened ? <input type="hidden" name={OPENED_VERSION} value={deleteOpened} /> : null}
          <SubmitButton
            className="button--danger"
            pendingText="Deleting…"
            formAction={action}
            fields={{ intent: DELETE_EVENT }}
          >
            Delete
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
