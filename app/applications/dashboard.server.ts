// The dashboard's reads: what to apply for (Saved adverts, soonest closing first, and those
// missed), what is in progress (this week's interviews and dates, follow-ups due, offers, those
// to mark as ghosted), and the counts per status. One transaction, its queries sent together.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { applications as a } from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';
import type { LondonNow } from './dates';
import { moveStatement, toMove } from './moved.server';
import { closedBy, closedOn, countByStatus, openOn, statusCounts, sum } from './queries.server';
import type { DashboardRow } from './types';
import { eventsThisWeek, followUpsDue, ghostSuggestions } from '~/events/dashboard.server';

/** How many applications each dashboard list shows before linking to the rest. */
export const DASHBOARD_LIMIT = 10;

const columns = {
  id: a.id,
  company: a.company,
  role: a.role,
  status: a.status,
  closingDate: a.closingDate,
  closingTime: a.closingTime,
  mayCloseEarly: a.mayCloseEarly,
};

const toApplyOrder = [
  asc(a.closingDate),
  sql`${a.closingTime} asc nulls last`,
  asc(a.company),
  asc(a.id),
];
// Only closed adverts, which all have a date: "nulls last" changes nothing but matches the index.
const missedOrder = [sql`${a.closingDate} desc nulls last`, desc(a.updatedAt), desc(a.id)];

/**
 * The ids of the saved adverts still open that close soonest, from applications_user_open_order_idx
 * in its order; with those tied with the tenth on date and time, as the company breaks that tie.
 */
export function soonestOpen(userId: string, now: LondonNow) {
  return sql`(select ${a.id} from ${a}
    where ${a.userId} = ${userId} and ${a.status} = 'saved' and ${openOn(now)}
    order by ${a.closingDate}, ${a.closingTime} nulls last
    fetch first ${DASHBOARD_LIMIT} rows with ties)`;
}

/** The ids of the saved adverts that closed most recently, from applications_user_closed_order_idx. */
export function latestMissed(userId: string, now: LondonNow) {
  return sql`(select ${a.id} from ${a}
    where ${a.userId} = ${userId} and ${a.status} = 'saved' and ${closedOn(now)}
    order by ${sql.join(missedOrder, sql`, `)}
    limit ${DASHBOARD_LIMIT})`;
}

/**
 * Everything the signed-in home page shows, as of `now` in London, with the status move `change`
 * names (moved.server.ts) when there is one: one round trip.
 */
export async function loadDashboard(
  context: AppLoadContext,
  who: Person,
  now: LondonNow,
  change: string | null = null,
) {
  const userId = personId(who);
  const closed = closedBy(now);
  const saved = and(eq(a.userId, userId), eq(a.status, 'saved'));
  const latestFirst = [desc(a.updatedAt), desc(a.id)];
  const [countRows, savedCounts, toApply, missed, interviewing, offers, week, due, ghosts, moved] =
    await asUser(context, who, (tx) => [
      countByStatus(tx, userId),
      tx
        .select({
          open: sql<number>`count(*) filter (where not ${closed})`.mapWith(Number),
          missed: sql<number>`count(*) filter (where ${closed})`.mapWith(Number),
        })
        .from(a)
        .where(saved),
      // Both saved-advert lists find their ten ids in an index that holds every column they test
      // (the status, the closing date and time), reading no row to skip it, then read just those
      // rows: read row by row, an account of 10,000 applications read thousands for each list.
      tx
        .select(columns)
        .from(a)
        .where(and(eq(a.userId, userId), inArray(a.id, soonestOpen(userId, now))))
        .orderBy(...toApplyOrder)
        .limit(DASHBOARD_LIMIT),
      tx
        .select(columns)
        .from(a)
        .where(and(eq(a.userId, userId), inArray(a.id, latestMissed(userId, now))))
        .orderBy(...missedOrder)
        .limit(DASHBOARD_LIMIT),
      tx
        .select(columns)
        .from(a)
        .where(and(eq(a.userId, userId), eq(a.status, 'interviewing')))
        .orderBy(...latestFirst)
        .limit(DASHBOARD_LIMIT),
      tx
        .select(columns)
        .from(a)
        .where(and(eq(a.userId, userId), eq(a.status, 'offer')))
        .orderBy(...latestFirst)
        .limit(DASHBOARD_LIMIT),
      eventsThisWeek(tx, userId, now, DASHBOARD_LIMIT),
      followUpsDue(tx, userId, now, DASHBOARD_LIMIT),
      ghostSuggestions(tx, userId, now, DASHBOARD_LIMIT),
      ...(change ? [moveStatement(tx, userId, change)] : []),
    ]);
  const counts = statusCounts(countRows);
  const lists: Record<'toApply' | 'missed' | 'interviewing' | 'offers', DashboardRow[]> = {
    toApply,
    missed,
    interviewing,
    offers,
  };
  return {
    counts,
    total: sum(counts),
    ...lists,
    /** Saved and still open, with or without a closing date. */
    toApplyTotal: savedCounts[0]?.open ?? 0,
    missedTotal: savedCounts[0]?.missed ?? 0,
    thisWeek: week.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() })),
    followUpsDue: due,
    ghostSuggestions: ghosts,
    move: toMove(moved ?? []),
  };
}
