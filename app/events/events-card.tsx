import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTrackerPaths } from '~/applications/paths';
import { isWebAddress } from '~/applications/web-address';
import { formatDateTime } from '~/applications/dates';
import { CalendarFileLink } from './calendar-link';
import type { EventRow } from './events.server';
import { FORMAT_LABELS, KIND_LABELS } from './kinds';

/** When an event is, in words: "3 Dec 2026, 14:00". */
export const eventWhen = (startsAt: string) => formatDateTime(startsAt);

/** An application's interviews and other dated events, soonest first, each with its calendar file. */
export function EventsCard({
  applicationId,
  events,
  now,
  note,
}: {
  applicationId: string;
  events: EventRow[];
  /** A line under the add button (guest mode: where the calendar feed is). */
  note?: ReactNode;
  /** ISO instant the page was made: earlier events are shown as past. */
  now: string;
}) {
  const paths = useTrackerPaths();
  return (
    <section className="card" aria-labelledby="events-heading" id="events">
      <h2 id="events-heading">Interviews and dates</h2>
      {events.length === 0 ? (
        <p className="muted">No interviews or other dates yet.</p>
      ) : (
        <ul className="event-list">
          {events.map((event) => (
            <li key={event.id} className={event.startsAt < now ? 'event--past' : undefined}>
              <p className="event-list__title">
                <strong>{KIND_LABELS[event.kind]}</strong>{' '}
                <time dateTime={event.startsAt}>{eventWhen(event.startsAt)}</time>
                {event.startsAt < now ? <span className="muted"> (past)</span> : null}
              </p>
              {event.format || event.place ? (
                <p className="muted wrap-anywhere">
                  {[event.format ? FORMAT_LABELS[event.format] : null, event.place]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              ) : null}
              {event.link && isWebAddress(event.link) ? (
                <p className="wrap-anywhere">
                  <a href={event.link} target="_blank" rel="noopener noreferrer">
                    {event.link}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </p>
              ) : null}
              {event.notes ? <p className="notes">{event.notes}</p> : null}
              <p className="event-list__actions">
                <CalendarFileLink applicationId={applicationId} eventId={event.id}>
                  Add to calendar
                  <span className="visually-hidden">
                    : {KIND_LABELS[event.kind]}, {eventWhen(event.startsAt)}
                  </span>{' '}
                  (.ics)
                </CalendarFileLink>
                <Link to={paths.event(applicationId, event.id)}>
                  Edit or delete
                  <span className="visually-hidden">
                    : {KIND_LABELS[event.kind]}, {eventWhen(event.startsAt)}
                  </span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.newEvent(applicationId)} className="button button--secondary">
          Add an interview or date
        </Link>
      </p>
      {note}
    </section>
  );
}
