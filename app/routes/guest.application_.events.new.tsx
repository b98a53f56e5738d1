import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData, type ClientActionFunctionArgs } from '@remix-run/react';
import { useState } from 'react';
import { EventForm } from '~/events/event-form';
import { guestApplications } from '~/guest/applications';
import constraints from '~/guest/form-constraints.json';
import { withHandling } from '~/guest/form-handling';
import { loadEventHandling } from '~/guest/handling';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_PATHS, guestDetail, guestIdFromHash } from '~/guest/paths';
import { useSelectedApplication } from '~/guest/selected';
import { EventPageHeading } from '~/events/page-heading';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Add an interview or date · Guest · JobTrack' }];

// The application's id is in the fragment, which the loader's request does not carry.
export async function clientLoader() {
  return { applications: await guestApplications(), constraint: constraints.event };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  const id = guestIdFromHash(window.location.hash);
  return withHandling(request, loadEventHandling, (handling) =>
    handling.addGuestEvent(request, id),
  );
}

export default function GuestNewEvent() {
  const { applications, constraint } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
  const found = useSelectedApplication(applications);
  // One key per showing of the form, kept while other tabs' saves reload the data.
  const [createKey] = useState(() => crypto.randomUUID());
  if (!found) return <GuestNotFound />;
  return (
    <div className="page narrow">
      <EventPageHeading
        back={guestDetail(found.id)}
        title="Add an interview or date"
        application={found}
      />
      <EventForm
        constraint={constraint}
        createKey={createKey}
        lastResult={lastResult}
        action={GUEST_PATHS.newEvent(found.id)}
        cancelTo={guestDetail(found.id)}
        submitLabel="Add"
        movableFrom={found.status}
      />
    </div>
  );
}
