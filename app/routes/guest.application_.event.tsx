import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Form,
  useActionData,
  useLoaderData,
  useLocation,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { FormErrors, SubmitButton } from '~/components/forms';
import { EventForm, eventFormValues } from '~/events/event-form';
import { DELETE_EVENT } from '~/events/follow-up';
import { KIND_LABELS } from '~/events/kinds';
import { guestApplications } from '~/guest/actions';
import { saveGuestEvent } from '~/guest/event-actions';
import type { EventRow } from '~/events/events.server';
import { eventRows } from '~/guest/events';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_PATHS, guestDetail, guestEventFromHash } from '~/guest/paths';
import { constraintOf } from '~/components/forms/constraint';
import type { Constraints } from '~/components/forms';
import { EventSchema } from '~/events/event-schema';
import { useOpenedVersion } from '~/guest/versions';
import type { ExportedApplication, ExportedEvent } from '~/portability/format';
import { EventPageHeading } from '~/events/page-heading';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Edit date · Guest · JobTrack' }];

// Both ids are in the fragment ("#<application>/<event>"), which no request carries.
export function clientLoader() {
  return { applications: guestApplications(), constraint: constraintOf(EventSchema) };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  const { applicationId, eventId } = guestEventFromHash(window.location.hash);
  return saveGuestEvent(request, applicationId, eventId);
}

export default function GuestEditEvent() {
  const { applications, constraint } = useLoaderData<typeof clientLoader>();
  const { applicationId, eventId } = guestEventFromHash(useLocation().hash);
  const application = applications.find((a) => a.id === applicationId);
  const event = application ? eventRows(application).find((e) => e.id === eventId) : undefined;
  const stored = application?.events.find((e) => e.id === eventId);
  if (!application || !event || !stored) return <GuestNotFound />;
  return (
    <EditEvent
      key={event.id}
      application={application}
      event={event}
      stored={stored}
      constraint={constraint}
    />
  );
}

function EditEvent({
  application,
  event,
  stored,
  constraint,
}: {
  application: ExportedApplication;
  event: EventRow;
  stored: ExportedEvent;
  constraint: Constraints;
}) {
  const result = useActionData<typeof clientAction>();
  // The delete button's refusal shows beside it; the edit form's replies go to the form.
  const deleteRefusal = result && 'deleteRefused' in result ? result : null;
  const lastResult = result && !('deleteRefused' in result) ? result : null;
  // Each form says which version of the date it was opened on (versions.ts).
  const editOpened = useOpenedVersion(stored.updatedAt, lastResult);
  const deleteOpened = useOpenedVersion(stored.updatedAt, deleteRefusal);
  const self = GUEST_PATHS.event(application.id, event.id);
  return (
    <div className="page narrow">
      <EventPageHeading
        back={guestDetail(application.id)}
        title={`Edit ${KIND_LABELS[event.kind].toLowerCase()}`}
        application={application}
      />
      <EventForm
        constraint={constraint}
        key={event.id}
        defaultValue={eventFormValues(event)}
        lastResult={lastResult}
        action={self}
        cancelTo={guestDetail(application.id)}
        submitLabel="Save changes"
        updatedAt={editOpened}
      />
      <section className="card" aria-labelledby="delete-event">
        <h2 id="delete-event">Delete this date</h2>
        <FormErrors errors={deleteRefusal ? [deleteRefusal.deleteRefused] : []} />
        <p>It goes from the application. A calendar you added its file to keeps its own copy.</p>
        <Form method="post" action={self}>
          <input type="hidden" name="intent" value={DELETE_EVENT} />
          <input type="hidden" name="updatedAt" value={deleteOpened} />
          <SubmitButton
            className="button--danger"
            pendingText="Deleting…"
            formAction={self}
            fields={{ intent: DELETE_EVENT }}
          >
            Delete
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
