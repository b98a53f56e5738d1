import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { SubmitButton } from '~/components/forms';
import { EventForm, eventFormValues } from '~/events/event-form';
import { DELETE_EVENT } from '~/events/follow-up';
import { KIND_LABELS } from '~/events/kinds';
import { guestApplications } from '~/guest/actions';
import { saveGuestEvent } from '~/guest/event-actions';
import { eventRows } from '~/guest/events';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_PATHS, guestDetail, guestEventFromHash } from '~/guest/paths';
import { constraintOf } from '~/components/forms/constraint';
import { EventSchema } from '~/events/event-schema';

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
  const lastResult = useActionData<typeof clientAction>();
  const { applicationId, eventId } = guestEventFromHash(useLocation().hash);
  const application = applications.find((a) => a.id === applicationId);
  const event = application ? eventRows(application).find((e) => e.id === eventId) : undefined;
  if (!application || !event) return <GuestNotFound />;
  const self = GUEST_PATHS.event(application.id, event.id);
  return (
    <div className="page narrow">
      <p className="muted breadcrumb">
        <Link to={guestDetail(application.id)}>Back to the application</Link>
      </p>
      <h1>{`Edit ${KIND_LABELS[event.kind].toLowerCase()}`}</h1>
      <p className="lead wrap-anywhere">
        For {application.role} at {application.company}
      </p>
      <EventForm
        constraint={constraint}
        key={event.id}
        defaultValue={eventFormValues(event)}
        lastResult={lastResult}
        action={self}
        cancelTo={guestDetail(application.id)}
        submitLabel="Save changes"
      />
      <section className="card" aria-labelledby="delete-event">
        <h2 id="delete-event">Delete this date</h2>
        <p>It goes from the application. A calendar you added its file to keeps its own copy.</p>
        <Form method="post" action={self}>
          <input type="hidden" name="intent" value={DELETE_EVENT} />
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
