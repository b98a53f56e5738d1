import { track } from '~/analytics/posthog.client';
import { Form, Link, useNavigation } from '@remix-run/react';
import { useIsPending } from '~/components/forms/pending';
import { SubmitButton } from '~/components/forms/submit-button';
import { ClosingLabel } from './closing-label';
import { formatInstantDate, type LondonNow } from './dates';
import { useTrackerPaths } from './paths';
import type { ListRow } from './types';
import { StatusBadge } from './status-badge';
import { STATUS_OPTIONS } from './statuses';

/** The applications on this page, each with a one-step status change. */
export function ApplicationRows({
  rows,
  statusAction,
  now,
}: {
  rows: ListRow[];
  statusAction: string;
  now: LondonNow;
}) {
  return (
    <ul className="app-list">
      {rows.map((row) => (
        <ApplicationRow key={row.id} row={row} statusAction={statusAction} now={now} />
      ))}
    </ul>
  );
}

function ApplicationRow({
  row,
  statusAction,
  now,
}: {
  row: ListRow;
  statusAction: string;
  now: LondonNow;
}) {
  const navigation = useNavigation();
  const paths = useTrackerPaths();
  // Its own form only: "Undo this move" posts the same id to the same action.
  const pending = useIsPending({
    formAction: statusAction,
    fields: { intent: 'status', id: row.id },
  });
  // Optimistic: show the chosen status while the change is on its way.
  const shown = pending ? String(navigation.formData?.get('status') ?? row.status) : row.status;
  const name = `${row.role} at ${row.company}`;
  const selectId = `status-${row.id}`;
  return (
    <li className="app-row card">
      <div className="app-row__main">
        <Link to={paths.detail(row.id)} className="app-row__title">
          {name}
        </Link>
        <dl className="app-row__meta">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={shown} />
            </dd>
          </div>
          <div>
            <dt>Closing date</dt>
            <dd>
              <ClosingLabel
                closingDate={row.closingDate}
                closingTime={row.closingTime}
                mayCloseEarly={row.mayCloseEarly}
                now={now}
              />
            </dd>
          </div>
          {row.grade ? (
            <div>
              <dt>Band or grade</dt>
              <dd>{row.grade}</dd>
            </div>
          ) : null}
          <div>
            <dt>Last updated</dt>
            <dd>{formatInstantDate(row.updatedAt)}</dd>
          </div>
        </dl>
      </div>
      {/* preventScrollReset: after the redirect back to this list the page stays where it was. */}
      <Form
        method="post"
        action={statusAction}
        preventScrollReset
        className="status-form"
        onSubmit={() => track('status_changed')}
      >
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="id" value={row.id} />
        <label htmlFor={selectId} className="visually-hidden">
          Status for {name}
        </label>
        <select id={selectId} name="status" defaultValue={row.status} key={row.status}>
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <SubmitButton
          inline
          className="button--small button--secondary"
          pendingText="Updating…"
          formAction={statusAction}
          fields={{ intent: 'status', id: row.id }}
        >
          Update
        </SubmitButton>
      </Form>
    </li>
  );
}
