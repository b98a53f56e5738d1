import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData, type ClientActionFunctionArgs } from '@remix-run/react';
import { todayInLondon } from '~/applications/dates';
import { FollowUpCard } from '~/events/follow-up-card';
import { guestApplications } from '~/guest/applications';
import { CLEAR_FOLLOW_UP } from '~/events/follow-up';
import constraints from '~/guest/form-constraints.json';
import { notLoaded, REMOVE_NOT_LOADED, withHandling } from '~/guest/form-handling';
import { loadEventHandling } from '~/guest/handling';
import { GuestNotFound } from '~/guest/not-found';
import { guestDetail, guestIdFromHash } from '~/guest/paths';
import { useSelectedApplication } from '~/guest/selected';
import { EventPageHeading } from '~/events/page-heading';

// The follow-up date's page and action. The application's page sets the suggested date or removes
// the date with one press and links here to type one; a refused form is shown here, with its
// message and what was typed.
export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Follow-up date · Guest · JobTrack' }];

export async function clientLoader() {
  return {
    applications: await guestApplications(),
    constraint: constraints.followUp,
    today: todayInLondon(),
  };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  // Sent from the application's page or this one: either way its id is in the address bar's fragment.
  const id = guestIdFromHash(window.location.hash);
  return withHandling(
    request,
    loadEventHandling,
    (handling) => handling.saveGuestFollowUp(request, id),
    (formData) =>
      notLoaded(formData, {
        message: formData.get('intent') === CLEAR_FOLLOW_UP ? REMOVE_NOT_LOADED : undefined,
      }),
  );
}

export default function GuestFollowUp() {
  const { applications, constraint, today } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
  const found = useSelectedApplication(applications);
  if (!found) return <GuestNotFound />;
  return (
    <div className="page narrow">
      <EventPageHeading back={guestDetail(found.id)} title="Follow-up date" application={found} />
      <FollowUpCard
        constraint={constraint}
        applicationId={found.id}
        followUpOn={found.followUpOn}
        dateApplied={found.dateApplied}
        status={found.status}
        today={today}
        lastResult={lastResult}
      />
    </div>
  );
}
