// The job-search log's one read: every move in the person's applications' history within the
// range, by the day it happened, with the application's details.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  applicationEvents as ev,
  applications as a,
  statusChanges as c,
} from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';
import { MAX_ENTRIES, type LogRange } from './log-query';

export { MAX_CSV_ENTRIES, MAX_ENTRIES } from './log-query';

// The day a move happened (the day the person gave, else the day it was recorded in London): the
// filter reads it from status_changes_user_day_idx, the list its text.
const onDay = c.happenedOn;
const day = sql<string>`${onDay}::text`;

/**
 * The log's entries (status moves), its interviews and other dates, and its follow-up dates, each
 * oldest first, with whether any list had more than `limit` (the page's by default). One round trip:
 * the reads ride with the transaction's setup (which checks `who`, when it is a claim).
 */
export async function loadLog(
  context: AppLoadContext,
  who: Person,
  range: LogRange,
  limit: number = MAX_ENTRIES,
) {
  const userId = personId(who);
  const eventDay = sql<string>`(${ev.startsAt} at time zone 'Europe/London')::date::text`;
  const [rows, events, followUps] = await asUser(context, who, (tx) => [
    tx
      .select({
        id: c.id,
        applicationId: a.id,
        day,
        from: c.fromStatus,
        to: c.toStatus,
        company: a.company,
        role: a.role,
        source: a.source,
        reference: a.reference,
      })
      .from(c)
      .innerJoin(a, and(eq(a.id, c.applicationId), eq(a.userId, c.userId)))
      .where(
        and(eq(c.userId, userId), sql`${onDay} between ${range.from}::date and ${range.to}::date`),
      )
      .orderBy(asc(onDay), asc(c.changedAt), asc(c.id))
      .limit(limit + 1),
    tx
      .select({
        id: ev.id,
        applicationId: a.id,
        day: eventDay,
        kind: ev.kind,
        startsAt: ev.startsAt,
        company: a.company,
        role: a.role,
        source: a.source,
        reference: a.reference,
      })
      .from(ev)
      .innerJoin(a, and(eq(a.id, ev.applicationId), eq(a.userId, ev.userId)))
      .where(
        and(
          eq(ev.userId, userId),
          sql`${ev.startsAt} >= (${range.from}::date)::timestamp at time zone 'Europe/London'`,
          sql`${ev.startsAt} < (${range.to}::date + 1)::timestamp at time zone 'Europe/London'`,
        ),
      )
      .orderBy(asc(ev.startsAt), asc(ev.id))
      .limit(limit + 1),
    tx
      .select({
        id: a.id,
        applicationId: a.id,
        day: sql<string>`${a.followUpOn}::text`,
        company: a.company,
        role: a.role,
        source: a.source,
        reference: a.reference,
      })
      .from(a)
      .where(
        and(
          eq(a.userId, userId),
          sql`${a.followUpOn} between ${range.from}::date and ${range.to}::date`,
        ),
      )
      .orderBy(asc(a.followUpOn), asc(a.id))
      .limit(limit + 1),
  ]);
  const more = [rows, events, followUps].some((list) => list.length > limit);
  return {
    entries: rows.slice(0, limit),
    events: events.slice(0, limit).map((e) => ({ ...e, startsAt: e.startsAt.toISOString() })),
    followUps: followUps.slice(0, limit),
    more,
  };
}

export type LogEntry = Awaited<ReturnType<typeof loadLog>>['entries'][number];
export type LogEvent = Awaited<ReturnType<typeof loadLog>>['events'][number];
export type LogFollowUp = Awaited<ReturnType<typeof loadLog>>['followUps'][number];
