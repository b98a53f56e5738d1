import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { applyStatusChange } from '~/applications/actions.server';
import { londonNow } from '~/applications/dates';
import {
  ApplicationDetails,
  STATUS_CHANGE_ID,
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
import { noticeKeyFor, withNotice } from '~/components/notice';
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
    moved: noticeKeyFor(request, ['status-changed']) !== null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const refused = await applyStatusChange(context, user, params.id, await readForm(request));
  // To the form, whose notice says what changed: without JavaScript the page would open at its
  // top, a screen away from it on a phone.
  return (
    refused ??
    redirect(`${withNotice(`/applications/${params.id}`, 'status-changed')}#${STATUS_CHANGE_ID}`)
  );
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
            moved={moved ? { applicationId: a.id, history } : null}
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
