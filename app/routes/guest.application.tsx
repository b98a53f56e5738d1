import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Link,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { useMemo } from 'react';
import { londonNow } from '~/applications/dates';
import { ApplicationDetails, StatusChangeForm, StatusHistory } from '~/applications/detail';
import { StatusBadge } from '~/applications/status-badge';
import { EventsCard } from '~/events/events-card';
import { FollowUpSummary } from '~/events/follow-up-summary';
import { guestApplications } from '~/guest/applications';
import { moveGuestStatus, undoGuestMove } from '~/guest/status-change';
import { UNDO_MOVE } from '~/applications/history-date';
import { MOVE_UNDONE, STATUS_UNCHANGED } from '~/applications/move-said';
import { eventRows } from '~/guest/events';
import { GuestNotFound } from '~/guest/not-found';
import {
  GUEST_LIST,
  GUEST_MOVE,
  guestDelete,
  guestDetail,
  guestEdit,
  guestIdFromHash,
} from '~/guest/paths';
import { detailOf, historyOf } from '~/guest/detail';
import type { HistoryEntry } from '~/applications/types';
import { selectedApplication, useSelectedApplication } from '~/guest/selected';

export { links } from '~/applications/styles';

// The page's data once its clientLoader has run (meta also runs before, with none).
const isLoaded = (data: unknown): data is Awaited<ReturnType<typeof clientLoader>> => Boolean(data);

export const meta: MetaFunction = ({ data, location }) => {
  const found = isLoaded(data) ? selectedApplication(data.applications, location.hash) : null;
  return [
    {
      title: found
        ? `${found.role} at ${found.company} · Guest · JobTrack`
        : 'Application · Guest · JobTrack',
    },
  ];
};

// The id is in the fragment, which the loader's request does not carry: the page picks its
// application from all of them (read once, kept until the text changes).
export async function clientLoader() {
  return {
    applications: await guestApplications(),
    now: londonNow(),
    at: new Date().toISOString(),
  };
}

export async function clientAction({ request }: ClientActionFunctionArgs) {
  // The page being submitted from is still the one in the address bar, fragment and all.
  const id = guestIdFromHash(window.location.hash);
  if ((await request.clone().formData()).get('intent') === UNDO_MOVE) {
    const refused = await undoGuestMove(id);
    return refused ? { refused } : { undone: true };
  }
  return moveGuestStatus(request, id);
}

/** The move the page's status change just made, as the account's page says it. */
function movedBy(
  answer: ReturnType<typeof useActionData<typeof clientAction>>,
  applicationId: string,
  history: HistoryEntry[],
) {
  if (!answer || !('change' in answer) || !answer.change) return null;
  const entry = history.find((h) => h.id === answer.change);
  // Just made: nothing has changed the application since (undoGuestMove checks it again).
  return entry ? { applicationId, entry, undoable: true } : null;
}

/** What the page says with no move: after an undo, or a status sent unchanged. */
function noticeBy(answer: ReturnType<typeof useActionData<typeof clientAction>>) {
  if (answer && 'undone' in answer) return MOVE_UNDONE;
  return answer && 'change' in answer && answer.change === null ? STATUS_UNCHANGED : null;
}

export default function GuestApplication() {
  const { applications, now, at } = useLoaderData<typeof clientLoader>();
  const answer = useActionData<typeof clientAction>();
  const found = useSelectedApplication(applications);
  const shown = useMemo(
    () =>
      found
        ? { application: detailOf(found), history: historyOf(found), events: eventRows(found) }
        : null,
    [found],
  );
  if (!found || !shown) return <GuestNotFound />;
  const { application: a, history, events } = shown;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="muted breadcrumb">
            <Link to={GUEST_LIST}>Back to list</Link>
          </p>
          <h1>
            {a.role} at {a.company}
          </h1>
        </div>
        <div className="actions">
          <StatusBadge status={a.status} />
          <Link to={guestEdit(found.id)} className="button button--secondary">
            Edit
          </Link>
          <Link to={guestDelete(found.id)} className="button button--secondary">
            Delete
          </Link>
        </div>
      </div>
      <div className="detail-grid">
        <ApplicationDetails application={a} now={now} />
        <div className="detail-side">
          <StatusChangeForm
            status={a.status}
            lastResult={answer && 'refused' in answer ? answer.refused : undefined}
            action={guestDetail(found.id)}
            moved={movedBy(answer, found.id, history)}
            notice={noticeBy(answer)}
          />
          <FollowUpSummary
            applicationId={found.id}
            status={a.status}
            followUpOn={found.followUpOn}
            dateApplied={a.dateApplied}
            today={now.date}
          />
          <EventsCard
            applicationId={found.id}
            events={events}
            now={at}
            note={
              <p className="muted">
                Each date’s .ics file puts it in your calendar once. A calendar feed that keeps
                every date up to date needs an account:{' '}
                <Link to={GUEST_MOVE}>keep your applications in one</Link>.
              </p>
            }
          />
          <StatusHistory applicationId={found.id} history={history} events={events} now={at} />
        </div>
      </div>
    </div>
  );
}
