// One event's or one follow-up's calendar file, for the person signed in: one round trip each,
// the session checked in the same transaction.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { applicationEvents as e, applications as a } from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';
import { calendarEventColumns } from './feed.server';
import { buildCalendar } from './ics';

/** The .ics text of one of the person's events, or null if it is not theirs. */
export async function eventCalendar(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  eventId: string,
  origin: string,
) {
  const userId = personId(who);
  const [[event]] = await asUser(context, who, (tx) => [
    tx
      .select(calendarEventColumns)
      .from(e)
      .innerJoin(a, and(eq(a.id, e.applicationId), eq(a.userId, e.userId)))
      .where(and(eq(e.id, eventId), eq(e.applicationId, applicationId), eq(e.userId, userId))),
  ]);
  if (!event) return null;
  return buildCalendar({ events: [event], followUps: [], origin, name: 'JobTrack' });
}

/** The .ics text of an application's follow-up date, or null if it has none or is not theirs. */
export async function followUpCalendar(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  origin: string,
) {
  const userId = personId(who);
  const [[followUp]] = await asUser(context, who, (tx) => [
    tx
      .select({
        applicationId: a.id,
        followUpOn: sql<string>`${a.followUpOn}::text`,
        company: a.company,
        role: a.role,
      })
      .from(a)
      .where(and(eq(a.id, applicationId), eq(a.userId, userId), isNotNull(a.followUpOn))),
  ]);
  if (!followUp) return null;
  return buildCalendar({ events: [], followUps: [followUp], origin, name: 'JobTrack' });
}
