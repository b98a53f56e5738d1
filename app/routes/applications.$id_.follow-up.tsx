import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { todayInLondon } from '~/applications/dates';
import { requireUserClaimOrRefusedForm } from '~/auth/current-user.server';
import type { saveFollowUp } from '~/events/actions.server';
import { applicationHead } from '~/events/events.server';
import { FollowUpCard } from '~/events/follow-up-card';
import { notFound, requireUuid } from '~/http/not-found.server';
import { constraintOf } from '~/components/forms/constraint';
import { FollowUpSchema } from '~/events/event-schema';
import { EventPageHeading } from '~/events/page-heading';

// The follow-up date's page and action. The application's page sets the suggested date or removes
// the date with one press and links here to type one; a refused form is shown here, with its
// message and what was typed.
export { saveFollowUp as action } from '~/events/actions.server';
export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Follow-up date · JobTrack' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  const user = await requireUserClaimOrRefusedForm(request, context);
  // Signed out as the form arrived: it comes back from what was sent, not from the database.
  const constraint = constraintOf(FollowUpSchema);
  const today = todayInLondon();
  if (!user) return { id, application: null, constraint, today };
  const application = await applicationHead(context, user, id);
  if (!application) throw notFound();
  return { id, application, constraint, today };
}

export default function FollowUpPage() {
  const { id, application: a, constraint, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveFollowUp>();
  return (
    <div className="page narrow">
      <EventPageHeading back={`/applications/${id}`} title="Follow-up date" application={a} />
      <FollowUpCard
        applicationId={id}
        constraint={constraint}
        followUpOn={a?.followUpOn ?? null}
        dateApplied={a?.dateApplied ?? null}
        status={a?.status ?? null}
        today={today}
        lastResult={lastResult}
      />
    </div>
  );
}
