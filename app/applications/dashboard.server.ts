// The dashboard's reads: what to apply for (Saved adverts, soonest closing first, and those
// missed), what is in progress (this week's interviews and dates, follow-ups due, offers, those
// to mark as ghosted), and the counts per status. One transaction, its queries sent together.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, desc, eq, isNotNull, not, sql } from 'drizzle-orm';
import { applications as a } from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';
import type { LondonNow } from './dates';
import { moveStatement, toMove } from './moved.server';
import { closedBy, countByStatus, statusCounts, sum } from './queries.server';
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
      tx
        .select(columns)
        .from(a)
        .where(and(saved, isNotNull(a.closingDate), not(closed)))
        .orderBy(
          asc(a.closingDate),
          sql`${a.closingTime} asc nulls last`,
          asc(a.company),
          asc(a.id),
        )
        .limit(DASHBOARD_LIMIT),
      tx
        .select(columns)
        .from(a)
        .where(and(saved, closed))
        .orderBy(desc(a.closingDate), ...latestFirst)
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
