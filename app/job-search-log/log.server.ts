// The job-search log's one read: every move in the person's applications' history within the
// range, by the day it happened, with the application's details.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, eq, sql } from 'drizzle-orm';
import { applications as a, statusChangeDay, statusChanges as c } from '#db/schema';
import { asUser } from '~/db.server';
import type { LogRange } from './log-query';

/** Entries one page shows; a range with more says so and asks for a shorter one. */
export const MAX_ENTRIES = 2000;

// The day a move happened (the day the person gave, else the day it was recorded in London): the
// filter uses the indexed expression itself (status_changes_user_day_idx), the list its text.
const onDay = statusChangeDay(c);
const day = sql<string>`${onDay}::text`;

/** The log's entries, oldest first, and whether there were more than MAX_ENTRIES. */
export function loadLog(context: AppLoadContext, userId: string, range: LogRange) {
  return asUser(context, userId, async (tx) => {
    const rows = await tx
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
      .limit(MAX_ENTRIES + 1);
    return { entries: rows.slice(0, MAX_ENTRIES), more: rows.length > MAX_ENTRIES };
  });
}

export type LogEntry = Awaited<ReturnType<typeof loadLog>>['entries'][number];
