import type { MetaFunction } from '@remix-run/cloudflare';
import {
  useActionData,
  useLoaderData,
  useLocation,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { HistoryDateCard } from '~/applications/history-date-card';
import { isDateable } from '~/applications/history-date';
import { EventPageHeading } from '~/events/page-heading';
import { guestApplications } from '~/guest/applications';
import constraints from '~/guest/form-constraints.json';
import { withHandling } from '~/guest/form-handling';
import { loadEventHandling } from '~/guest/handling';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_HISTORY, guestDetail, guestEventFromHash } from '~/guest/paths';

// The day a status change happened, given after the event. The fragment names the application and
// the change's place in its stored history ("#<application>/<place>"), which no request carries.
export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Date of a status change · Guest · JobTrack' }];

/** The change's place in its application's stored history, from the fragment; null if none. */
function placeIn(hash: string) {
  const { applicationId, eventId: place } = guestEventFromHash(hash);
  return { applicationId, index: /^\d{1,4}$/.test(place) ? Number(place) : null };
}

export async function clientLoader() {
  return { applications: await guestApplications(), constraint: constraints.historyDate };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  const { applicationId, index } = placeIn(window.location.hash);
  return withHandling(request, loadEventHandling, (handling) =>
    handling.saveGuestHistoryDate(request, applicationId, index ?? -1),
  );
}

export default function GuestHistoryDate() {
  const { applications, constraint } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
  const { applicationId, index } = placeIn(useLocation().hash);
  const application = applications.find((a) => a.id === applicationId);
  const change = index === null ? undefined : application?.statusHistory[index];
  if (!application || !change || !isDateable(change.to)) return <GuestNotFound />;
  return (
    <div className="page narrow">
      <EventPageHeading
        back={guestDetail(application.id)}
        title="Date of a status change"
        application={application}
      />
      <HistoryDateCard
        key={`${application.id}/${index}`}
        entry={{
          fromStatus: change.from,
          toStatus: change.to,
          changedAt: change.at,
          occurredOn: change.on,
        }}
        action={`${GUEST_HISTORY}#${application.id}/${index}`}
        constraint={constraint}
        lastResult={lastResult}
      />
    </div>
  );
}
