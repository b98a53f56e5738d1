// A guest's interviews and other dates, and follow-up dates, changed the way the account's
// (app/events/events.server.ts) are, on export-format records held in the browser.
import type { EventInput } from '~/events/event-schema';
import type { EventRow } from '~/events/events.server';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';
import type { ExportedApplication, ExportedEvent } from '~/portability/format';

type App = ExportedApplication;

const orNull = (value: string | undefined) => (value ? value : null);

function fields(input: EventInput) {
  return {
    kind: input.kind,
    startsAt: input.startsAt.toISOString(),
    format: input.format ?? null,
    place: orNull(input.place),
    link: orNull(input.link),
    notes: orNull(input.notes),
  };
}

/**
 * The application with a new event, its id the form's one-time key: a form sent twice adds one
 * (the export's event id is that key too, so the move into an account adds it once). 'full' when
 * it holds MAX_EVENTS_PER_APPLICATION already, as for an account.
 */
export function addEvent(a: App, input: EventInput, id: string, now = new Date()): App | 'full' {
  if (a.events.some((e) => e.id === id)) return a;
  if (a.events.length >= MAX_EVENTS_PER_APPLICATION) return 'full';
  const at = now.toISOString();
  const event: ExportedEvent = { id, ...fields(input), createdAt: at, updatedAt: at };
  return { ...a, events: [...a.events, event] };
}

/** The application with that event's fields replaced (unchanged if it has no such event). */
export function updateEvent(a: App, eventId: string, input: EventInput, now = new Date()): App {
  return {
    ...a,
    events: a.events.map((e) =>
      e.id === eventId ? { ...e, ...fields(input), updatedAt: now.toISOString() } : e,
    ),
  };
}

/** The application without that event. */
export function deleteEvent(a: App, eventId: string): App {
  return { ...a, events: a.events.filter((e) => e.id !== eventId) };
}

/** The application with its follow-up date set, or cleared (null). */
export function setFollowUp(a: App, followUpOn: string | null, now = new Date()): App {
  return { ...a, followUpOn, updatedAt: now.toISOString() };
}

/** An application's events as its page shows them: soonest first, as eventsOf orders them. */
export function eventRows(a: App): EventRow[] {
  return a.events
    .map(({ id, kind, startsAt, format, place, link, notes }) => ({
      id,
      applicationId: a.id,
      kind,
      // As the database gives them: UTC, so the pages' comparisons of ISO text hold.
      startsAt: new Date(startsAt).toISOString(),
      format,
      place,
      link,
      notes,
    }))
    .sort((x, y) =>
      x.startsAt === y.startsAt ? (x.id < y.id ? -1 : 1) : x.startsAt < y.startsAt ? -1 : 1,
    );
}
