import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUserClaimOrRefusedForm } from '~/auth/current-user.server';
import type { saveEvent } from '~/events/actions.server';
import { EventForm } from '~/events/event-form';
import { applicationHead } from '~/events/events.server';
import { notFound, requireUuid } from '~/http/not-found.server';
import { constraintOf } from '~/components/forms/constraint';
import { EventSchema } from '~/events/event-schema';
import { EventPageHeading } from '~/events/page-heading';

export { saveEvent as action } from '~/events/actions.server';
export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.application
      ? `Add a date to ${data.application.role} at ${data.application.company} · JobTrack`
      : 'Add an interview or date · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  // Each showing of the form gets its own key: sent twice, it still adds one event.
  const createKey = crypto.randomUUID();
  const user = await requireUserClaimOrRefusedForm(request, context);
  // Signed out as the form arrived: it comes back from what was sent, not from the database.
  const constraint = constraintOf(EventSchema);
  if (!user) return { id, createKey, application: null, constraint };
  const application = await applicationHead(context, user, id);
  if (!application) throw notFound();
  return { id, createKey, application, constraint };
}

export default function NewEvent() {
  const { id, createKey, application: a, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof saveEvent>();
  // The shared action refuses a delete only on an event's own page.
  const lastResult = result && 'deleteRefused' in result ? null : result;
  return (
    <div className="page narrow">
      <EventPageHeading
        back={`/applications/${id}`}
        title="Add an interview or date"
        application={a}
      />
      <EventForm
        constraint={constraint}
        createKey={createKey}
        lastResult={lastResult}
        cancelTo={`/applications/${id}#events`}
        submitLabel="Add"
        movableFrom={a?.status}
      />
    </div>
  );
}
