// The dashboard's part of events and follow-ups: what is on in the next seven days, follow-ups
// due, and applications with no reply for long enough to suggest Ghosted. Each is a query for the
// dashboard's one transaction, sent together with its others.
import {
  and,
  asc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  notExists,
  or,
  sql,
} from 'drizzle-orm';
import {
  applicationEvents as e,
  applications as a,
  appliedSince,
  trackerSettings,
} from '#db/schema';
import type { Tx } from '~/db.server';
import { addDays, type LondonNow } from '~/applications/dates';
import { DEFAULT_GHOST_WEEKS, WAITING_FOR_REPLY } from './follow-up';
import { fromLondon } from './london-time';

/** The events from the start of today (London) to the end of the sixth day after, soonest first. */
export function eventsThisWeek(tx: Tx, userId: string, now: LondonNow, limit: number) {
  const from = fromLondon(now.date, '00:00')!;
  const to = fromLondon(addDays(now.date, 7), '00:00')!;
  return tx
    .select({
      id: e.id,
      applicationId: e.applicationId,
      kind: e.kind,
      startsAt: e.startsAt,
      format: e.format,
      company: a.company,
      role: a.role,
    })
    .from(e)
    .innerJoin(a, and(eq(a.id, e.applicationId), eq(a.userId, e.userId)))
    .where(and(eq(e.userId, userId), gte(e.startsAt, from), lt(e.startsAt, to)))
    .orderBy(asc(e.startsAt), asc(e.id))
    .limit(limit);
}

/** Applications still waiting for a reply whose follow-up date is today or past, oldest first. */
export function followUpsDue(tx: Tx, userId: string, now: LondonNow, limit: number) {
  return tx
    .select({
      id: a.id,
      company: a.company,
      role: a.role,
      followUpOn: sql<string>`${a.followUpOn}::text`,
    })
    .from(a)
    .where(
      and(
        eq(a.userId, userId),
        inArray(a.status, WAITING_FOR_REPLY),
        isNotNull(a.followUpOn),
        lte(a.followUpOn, now.date),
      ),
    )
    .orderBy(asc(a.followUpOn), asc(a.id))
    .limit(limit);
}

// The person's choice of weeks, or the default: a scalar subquery, so it costs no round trip.
const ghostWeeks = (userId: string) =>
  sql<number>`coalesce((select ${trackerSettings.ghostAfterWeeks} from ${trackerSettings} where ${trackerSettings.userId} = ${userId}), ${DEFAULT_GHOST_WEEKS})`;

/**
 * Applications at Applied whose date applied (or, without one, the day they were added) is at
 * least the person's number of weeks ago, and that have heard nothing in that time: no event
 * (a phone screen, an interview…) in those weeks or still to come, and no follow-up date still
 * ahead. The dashboard suggests marking them Ghosted.
 */
export function ghostSuggestions(tx: Tx, userId: string, now: LondonNow, limit: number) {
  const since = appliedSince(a);
  const cutoff = sql`${now.date}::date - 7 * ${ghostWeeks(userId)}`;
  return tx
    .select({
      id: a.id,
      company: a.company,
      role: a.role,
      since: sql<string>`${since}::text`,
      weeks: ghostWeeks(userId).mapWith(Number),
    })
    .from(a)
    .where(
      and(
        eq(a.userId, userId),
        eq(a.status, 'applied'),
        sql`${since} <= ${cutoff}`,
        or(isNull(a.followUpOn), lte(a.followUpOn, now.date)),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(e)
            .where(
              and(
                eq(e.userId, userId),
                eq(e.applicationId, a.id),
                sql`${e.startsAt} >= (${cutoff})::timestamp at time zone 'Europe/London'`,
              ),
            ),
        ),
      ),
    )
    .orderBy(sql`${since} asc`, asc(a.id))
    .limit(limit);
}
