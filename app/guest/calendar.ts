// A guest's calendar files, made in the browser with the account's own builder (app/calendar/ics.ts)
// and handed straight to the person: nothing is sent to make them. Loaded on the first one asked for.
import { buildCalendar } from '~/calendar/ics';
import { guestApplications } from './applications';
import { downloadText } from './downloads';
import { guestDetail } from './paths';

/** The .ics text of one event (`eventId`) or of the follow-up date, or null when it is gone. */
export async function guestCalendarText(
  applicationId: string,
  eventId: string | undefined,
  origin: string,
): Promise<string | null> {
  const a = (await guestApplications()).find((app) => app.id === applicationId);
  if (!a) return null;
  const job = { applicationId: a.id, company: a.company, role: a.role };
  const calendar = { origin, name: 'JobTrack', pathOf: guestDetail };
  if (eventId === undefined) {
    if (!a.followUpOn) return null;
    return buildCalendar({
      ...calendar,
      events: [],
      followUps: [{ ...job, followUpOn: a.followUpOn }],
    });
  }
  const event = a.events.find((e) => e.id === eventId);
  if (!event) return null;
  return buildCalendar({
    ...calendar,
    events: [{ ...job, ...event, startsAt: new Date(event.startsAt) }],
    followUps: [],
  });
}

/** Offers the calendar file of one event, or of the follow-up date without `eventId`. */
export async function downloadGuestCalendar(applicationId: string, eventId?: string) {
  const text = await guestCalendarText(applicationId, eventId, window.location.origin);
  // Deleted in another tab since the page showed it: this tab's page reloads from the storage event.
  if (text === null) return;
  downloadText(text, eventId ? 'jobtrack-event.ics' : 'jobtrack-follow-up.ics', 'text/calendar');
}
