import { Form, Link } from '@remix-run/react';
import { formatDate } from '~/applications/dates';
import { useTrackerPaths, type TrackerPaths } from '~/applications/paths';
import { SubmitButton } from '~/components/forms/submit-button';
import { eventWhen } from './events-card';
import { FORMAT_LABELS, KIND_LABELS, type EventFormat, type EventKind } from './kinds';

/** An event on the dashboard's "this week" list. */
export type WeekEvent = {
  id: string;
  applicationId: string;
  kind: EventKind;
  startsAt: string;
  format: EventFormat | null;
  company: string;
  role: string;
};

/** The interviews and other dates from today to six days on, soonest first. */
export function ThisWeek({ events }: { events: WeekEvent[] }) {
  const paths = useTrackerPaths();
  if (events.length === 0) return null;
  return (
    <>
      <h3 id="this-week">This week</h3>
      <ul className="closing-list">
        {events.map((event) => (
          <li key={event.id}>
            <Link
              to={withAnchor(paths, paths.detail(event.applicationId), 'events')}
              className="wrap-anywhere"
            >
              {KIND_LABELS[event.kind]}: {event.role} at {event.company}
            </Link>
            <span className="muted">
              <time dateTime={event.startsAt}>{eventWhen(event.startsAt)}</time>
              {event.format ? ` · ${FORMAT_LABELS[event.format]}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Applications whose "chase if no reply by" date has come. */
export function FollowUpsDue({
  rows,
}: {
  rows: Array<{ id: string; company: string; role: string; followUpOn: string }>;
}) {
  const paths = useTrackerPaths();
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id="follow-ups-due">Follow-ups due</h3>
      <p className="muted">
        These have reached their follow-up date: if you have heard nothing, chase now.
      </p>
      <ul className="closing-list">
        {rows.map((row) => (
          <li key={row.id}>
            <Link
              to={withAnchor(paths, paths.detail(row.id), 'follow-up')}
              className="wrap-anywhere"
            >
              {row.role} at {row.company}
            </Link>
            <span className="muted">Chase by {formatDate(row.followUpOn)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

// A guest's page has its application's id in the fragment, so it has no room for an anchor.
const withAnchor = (paths: TrackerPaths, detail: string, anchor: string) =>
  paths.clientOnly ? detail : `${detail}#${anchor}`;

/** The intent of the dashboard's "Mark as ghosted" buttons. */
export const GHOST_INTENT = 'status';

/**
 * Applications at Applied with no reply for the person's number of weeks, each with a one-press
 * "Mark as ghosted" (the same status change as everywhere else).
 */
export function GhostSuggestions({
  rows,
}: {
  rows: Array<{ id: string; company: string; role: string; since: string; weeks: number }>;
}) {
  const paths = useTrackerPaths();
  if (rows.length === 0) return null;
  const weeks = rows[0]!.weeks;
  return (
    <>
      <h3 id="no-reply">No reply for {weeks === 1 ? 'a week' : `${weeks} weeks`}</h3>
      <p className="muted">
        Still at Applied. If you have given up on hearing back, mark them as ghosted.
        {paths.trackerSettings ? (
          <>
            {' '}
            You can change how many weeks on your{' '}
            <Link to={paths.trackerSettings}>account page</Link>.
          </>
        ) : null}
      </p>
      <ul className="closing-list">
        {rows.map((row) => (
          <li key={row.id}>
            <Link to={paths.detail(row.id)} className="wrap-anywhere">
              {row.role} at {row.company}
            </Link>
            <span className="muted">Applied {formatDate(row.since)}</span>
            <Form method="post" action={paths.dashboardAction} className="ghost-form">
              <input type="hidden" name="intent" value={GHOST_INTENT} />
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="status" value="ghosted" />
              <SubmitButton
                inline
                className="button--secondary button--small"
                pendingText="Saving…"
                formAction={paths.dashboardAction}
                fields={{ id: row.id, status: 'ghosted' }}
              >
                Mark as ghosted
                <span className="visually-hidden">
                  : {row.role} at {row.company}
                </span>
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
