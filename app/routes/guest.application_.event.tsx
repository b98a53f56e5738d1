import type { MetaFunction } from '@remix-run/cloudflare';
import {
  useActionData,
  useLoaderData,
  useLocation,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { EventEditor } from '~/events/event-editor';
import { KIND_LABELS } from '~/events/kinds';
import { guestApplications } from '~/guest/applications';
import { DELETE_EVENT } from '~/events/follow-up';
import constraints from '~/guest/form-constraints.json';
import { DELETE_NOT_LOADED, notLoaded, withHandling } from '~/guest/form-handling';
import { loadEventHandling } from '~/guest/handling';
import type { EventRow } from '~/events/events.server';
import { eventRows } from '~/guest/events';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_PATHS, guestDetail, guestEventFromHash } from '~/guest/paths';
import type { Constraints } from '~/components/forms';
import type { ExportedApplication, ExportedEvent } from '~/portability/format';
import { EventPageHeading } from '~/events/page-heading';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Edit date · Guest · JobTrack' }];

// Both ids are in the fragment ("#<application>/<event>"), which no request carries.
export async function clientLoader() {
  return { applications: await guestApplications(), constraint: constraints.event };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  const { applicationId, eventId } = guestEventFromHash(window.location.hash);
  return withHandling(
    request,
    loadEventHandling,
    (handling) => handling.saveGuestEvent(request, applicationId, eventId),
    // A delete's refusal goes beside its button, as its other refusals do.
    (formData) =>
      formData.get('intent') === DELETE_EVENT
        ? { deleteRefused: DELETE_NOT_LOADED }
        : notLoaded(formData),
  );
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
  return (
    <div className="page narrow">
      <EventPageHeading
        back={guestDetail(application.id)}
        title={`Edit ${KIND_LABELS[event.kind].toLowerCase()}`}
        application={application}
      />
      <EventEditor
        event={event}
        version={stored.updatedAt}
        constraint={constraint}
        result={result}
        action={GUEST_PATHS.event(application.id, event.id)}
        cancelTo={guestDetail(application.id)}
        deleteNote="It goes from the application. A calendar you added its file to keeps its own copy."
      />
    </div>
  );
}
