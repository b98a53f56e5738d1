import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUserClaimOrRefusedForm } from '~/auth/current-user.server';
import type { saveEvent } from '~/events/actions.server';
import { EventEditor } from '~/events/event-editor';
import { getEvent } from '~/events/events.server';
import { KIND_LABELS } from '~/events/kinds';
import { notFound, requireUuid } from '~/http/not-found.server';
import { constraintOf } from '~/components/forms/constraint';
import { EventSchema } from '~/events/event-schema';
import { EventPageHeading } from '~/events/page-heading';

export { saveEvent as action } from '~/events/actions.server';
export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.found
      ? `Edit ${KIND_LABELS[data.found.event.kind].toLowerCase()} · ${data.found.application.role} at ${data.found.application.company} · JobTrack`
      : 'Edit date · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  const eventId = requireUuid(params.eventId);
  const user = await requireUserClaimOrRefusedForm(request, context);
  // Signed out as the form arrived: it comes back from what was sent, not from the database.
  const constraint = constraintOf(EventSchema);
  if (!user) return { id, eventId, found: null, constraint };
  const found = await getEvent(context, user, id, eventId);
  if (!found) throw notFound();
  return { id, eventId, found, constraint };
}

export default function EditEvent() {
  const { id, eventId, found, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveEvent>();
  const back = `/applications/${id}#events`;
  return (
    <div className="page narrow">
      <EventPageHeading
        back={`/applications/${id}`}
        title={found ? `Edit ${KIND_LABELS[found.event.kind].toLowerCase()}` : 'Edit date'}
        application={found?.application ?? null}
      />
      <EventEditor
        key={eventId}
        event={found?.event ?? null}
        version={found?.version ?? null}
        constraint={constraint}
        result={lastResult}
        cancelTo={back}
        deleteNote="It goes from the application and, at their next refresh, from subscribed calendars."
      />
    </div>
  );
}
