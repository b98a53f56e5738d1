import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { HistoryDateCard } from '~/applications/history-date-card';
import { HistoryDateSchema } from '~/applications/history-date-schema';
import { loadHistoryEntry, type saveHistoryDate } from '~/applications/history-date.server';
import { requireUserClaimOrRefusedForm } from '~/auth/current-user.server';
import { constraintOf } from '~/components/forms/constraint';
import { EventPageHeading } from '~/events/page-heading';
import { notFound, requireUuid } from '~/http/not-found.server';

// The day a status change happened (a rejection told by phone last week, say), given after the
// event; the application's history links here from each change but those to Applied.
export { saveHistoryDate as action } from '~/applications/history-date.server';
export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Date of a status change · JobTrack' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  const changeId = requireUuid(params.changeId);
  const user = await requireUserClaimOrRefusedForm(request, context);
  const constraint = constraintOf(HistoryDateSchema);
  // Signed out as the form arrived: it comes back from what was sent, not from the database.
  if (!user) return { id, changeId, entry: null, constraint };
  const entry = await loadHistoryEntry(context, user, id, changeId);
  if (!entry) throw notFound();
  return { id, changeId, entry, constraint };
}

export default function HistoryDatePage() {
  const { id, changeId, entry, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveHistoryDate>();
  return (
    <div className="page narrow">
      <EventPageHeading
        back={`/applications/${id}#history-heading`}
        title="Date of a status change"
        application={entry}
      />
      <HistoryDateCard
        entry={entry}
        action={`/applications/${id}/history/${changeId}`}
        constraint={constraint}
        lastResult={lastResult}
      />
    </div>
  );
}
