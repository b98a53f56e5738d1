// iCalendar files (RFC 5545) for a person's events and follow-ups: one download per item, and the
// private feed. Browser-safe: guest mode makes its files with it in the browser (loaded only when
// a guest asks for one). ical-generator writes them; the Europe/London VTIMEZONE is the tzurl.org
// definition shipped in @touch4it/ical-timezones, read as text at build time (its own loader uses
// node:fs, which a Worker lacks). Times carry TZID=Europe/London, so calendars show the UK time
// that was typed, on either side of a clock change.
import { TZDate } from '@date-fns/tz';
import londonZoneFile from '@touch4it/ical-timezones/zones/Europe/London.ics?raw';
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { FORMAT_LABELS, KIND_LABELS, type EventFormat, type EventKind } from '~/events/kinds';
import { isWebAddress } from '~/applications/web-address';

const ZONE = 'Europe/London';

// The VTIMEZONE block alone, without the file's own VCALENDAR wrapper.
const londonZone = londonZoneFile.slice(
  londonZoneFile.indexOf('BEGIN:VTIMEZONE'),
  londonZoneFile.indexOf('END:VCALENDAR'),
);

/** How long an event lasts in the calendar: the form asks only when it starts. */
const EVENT_MINUTES = 60;

/** An event as the calendar needs it. */
export type CalendarEvent = {
  id: string;
  applicationId: string;
  kind: EventKind;
  startsAt: Date;
  format: EventFormat | null;
  place: string | null;
  link: string | null;
  notes: string | null;
  company: string;
  role: string;
};

/** A follow-up date as the calendar needs it. */
export type CalendarFollowUp = {
  applicationId: string;
  followUpOn: string;
  company: string;
  role: string;
};

const job = (item: { role: string; company: string }) => `${item.role} at ${item.company}`;

/** A stable UID per item, so a calendar replaces an updated event rather than adding it twice. */
export const eventUid = (id: string) => `event-${id}@jobtrack`;
export const followUpUid = (applicationId: string) => `follow-up-${applicationId}@jobtrack`;

/**
 * An iCalendar document holding `events` and `followUps`. `origin` is the app's own origin, for
 * links back to each application (at `pathOf` its id: the account's page unless told otherwise).
 * Each event warns a day and an hour before; each follow-up at 09:00 on its day.
 */
export function buildCalendar({
  events,
  followUps,
  origin,
  name,
  pathOf = (id) => `/applications/${id}`,
}: {
  events: CalendarEvent[];
  followUps: CalendarFollowUp[];
  origin: string;
  name: string;
  pathOf?: (applicationId: string) => string;
}): string {
  const calendar = ical({
    name,
    prodId: { company: 'JobTrack', product: 'JobTrack', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP as floating local time
    // (RFC 5545 wants UTC) and an all-day date in the machine's own zone. Events name theirs.
    timezone: { name: null, generator: () => londonZone },
  });
  for (const event of events) {
    const start = new TZDate(event.startsAt.getTime(), ZONE);
    const end = new TZDate(event.startsAt.getTime() + EVENT_MINUTES * 60_000, ZONE);
    const kind = KIND_LABELS[event.kind];
    const link = event.link && isWebAddress(event.link) ? event.link : null;
    const lines = [
      event.format ? FORMAT_LABELS[event.format] : null,
      link ? `Link: ${link}` : null,
      event.notes,
      `In JobTrack: ${origin}${pathOf(event.applicationId)}`,
    ];
    calendar.createEvent({
      id: eventUid(event.id),
      start,
      end,
      timezone: ZONE,
      summary: `${kind}: ${job(event)}`,
      description: lines.filter(Boolean).join('\n\n'),
      location: event.place ?? link ?? null,
      url: link ?? `${origin}${pathOf(event.applicationId)}`,
      alarms: [
        { type: ICalAlarmType.display, trigger: 24 * 3600, description: `${kind} tomorrow` },
        { type: ICalAlarmType.display, trigger: 3600, description: `${kind} in an hour` },
      ],
    });
  }
  for (const followUp of followUps) {
    const chase = calendar.createEvent({
      id: followUpUid(followUp.applicationId),
      start: followUp.followUpOn,
      allDay: true,
      summary: `Chase if no reply: ${job(followUp)}`,
      description: `If you have not heard back about this application, get in touch with the employer.\n\nIn JobTrack: ${origin}${pathOf(followUp.applicationId)}`,
      url: `${origin}${pathOf(followUp.applicationId)}`,
      alarms: [
        // Relative to the start of the day: 09:00 on it.
        {
          type: ICalAlarmType.display,
          triggerAfter: 9 * 3600,
          description: 'Chase for a reply today',
        },
      ],
    });
    // A positive trigger is written relative to the END by default, which for an all-day event
    // is the next midnight: 09:00 the day after. The setter is the only way to say START.
    chase.alarms()[0]!.relatesTo(ICalAlarmRelatesTo.start);
  }
  return calendar.toString();
}
