import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { moveStatus, undoStatusMove } from '~/applications/actions.server';
import type { HistoryEntry } from '~/applications/types';
import { UNDO_MOVE } from '~/applications/history-date';
import { londonNow } from '~/applications/dates';
import {
  ApplicationDetails,
  STATUS_CHANGE_ID,
  STAY,
  StatusChangeForm,
  StatusHistory,
} from '~/applications/detail';
import { applicationStatements, toApplication } from '~/applications/queries.server';
import { StatusBadge } from '~/applications/status-badge';
import { requireUserClaim } from '~/auth/current-user.server';
import { asUser } from '~/db.server';
import { EventsCard } from '~/events/events-card';
import { FollowUpSummary } from '~/events/follow-up-summary';
import { readForm } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';
import { namedMove, noticeWithoutMove } from '~/applications/moved.server';
import { withMoveSaid } from '~/applications/move-notice';
import { notFound, requireUuid } from '~/http/not-found.server';
import { ApplicationStatements } from '~/statements/application-card';
import {
  applicationStatementsStatement,
  toApplicationStatements,
} from '~/statements/queries.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.application.role} at ${data.application.company} · JobTrack`
      : 'Application · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const id = requireUuid(params.id);
  // The application, its history, events and statements: one transaction, one round trip.
  const [row, history, events, statements] = await asUser(context, user, (tx) => [
    ...applicationStatements(tx, user.id, id),
    applicationStatementsStatement(tx, user.id, id),
  ]);
  const found = toApplication([row, history, events]);
  if (!found) throw notFound();
  return {
    ...found,
    statements: toApplicationStatements(statements),
    now: londonNow(),
    at: new Date().toISOString(),
    moved: movedBy(request, found.application.updatedAt, found.history),
    said: noticeWithoutMove(request),
  };
}

/**
 * The move a status change just recorded, named in the address it was sent back to, and whether
 * it can still be undone: a one-step move, and the last write to the application (one transaction
 * wrote both times; undoMove checks the same again).
 */
function movedBy(request: Request, updatedAt: string, history: HistoryEntry[]) {
  const change = namedMove(request);
  // Only an entry of this application's history, which is the person's own.
  const entry = change ? history.find((h) => h.id === change) : undefined;
  if (!entry) return null;
  return { entry, undoable: entry.oneStep === true && entry.changedAt === updatedAt };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const formData = await readForm(request);
  const back = (path: string) =>
    // To the form, which says what changed: without JavaScript the page would open at its top, a
    // screen away from it on a phone. With JavaScript the page keeps its scroll.
    redirect(formData.get(STAY) ? path : `${path}#${STATUS_CHANGE_ID}`);
  const page = `/applications/${params.id}`;
  if (formData.get('intent') === UNDO_MOVE) {
    const refused = await undoStatusMove(context, user, params.id, formData);
    return refused ?? back(withNotice(page, 'status-undone'));
  }
  const moved = await moveStatus(context, user, params.id, formData);
  if ('refused' in moved) return moved.refused;
  // Said beside the form: the move, or (sent with the status it had) that nothing changed.
  return back(withMoveSaid(page, moved.change));
}

export default function ApplicationPage() {
  const {
    application: a,
    history,
    events,
    statements,
    now,
    at,
    moved,
    said,
  } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="muted breadcrumb">
            <Link to="/applications">Back to list</Link>
          </p>
          <h1>
            {a.role} at {a.company}
          </h1>
        </div>
        <div className="actions">
          <StatusBadge status={a.status} />
          <Link to={`/applications/${a.id}/edit`} className="button button--secondary">
            Edit
          </Link>
          <Link to={`/applications/${a.id}/delete`} className="button button--secondary">
            Delete
          </Link>
        </div>
      </div>
      <div className="detail-grid">
        <ApplicationDetails application={a} now={now} />
        <div className="detail-side">
          <StatusChangeForm
            status={a.status}
            lastResult={lastResult}
            moved={moved ? { applicationId: a.id, ...moved } : null}
            notice={said}
          />
          <FollowUpSummary
            applicationId={a.id}
            status={a.status}
            followUpOn={a.followUpOn}
            dateApplied={a.dateApplied}
            today={now.date}
          />
          <EventsCard applicationId={a.id} events={events} now={at} />
          <StatusHistory applicationId={a.id} history={history} events={events} now={at} />
          <ApplicationStatements applicationId={a.id} statements={statements} />
        </div>
      </div>
    </div>
  );
}
