// The job-search log's one read: every move in the person's applications' history within the
// range, by the day it happened, with the application's details.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, eq, sql } from 'drizzle-orm';
import { applications as a, statusChanges as c } from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';
import type { LogRange } from './log-query';

/** Entries one page shows; a range with more says so and asks for a shorter one. */
export const MAX_ENTRIES = 2000;

// The day a move happened: the day the person gave, else the day it was recorded in London.
const day = sql<string>`coalesce(${c.occurredOn}, (${c.changedAt} at time zone 'Europe/London')::date)::text`;

/**
 * The log's entries, oldest first, and whether there were more than MAX_ENTRIES. One round trip:
 * the read rides with the transaction's setup (which checks `who`, when it is a claim).
 */
export async function loadLog(context: AppLoadContext, who: Person, range: LogRange) {
  const userId = personId(who);
  const [rows] = await asUser(context, who, (tx) => [
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
        and(
          eq(c.userId, userId),
          sql`${day}::date between ${range.from}::date and ${range.to}::date`,
        ),
      )
      .orderBy(asc(day), asc(c.changedAt), asc(c.id))
      .limit(MAX_ENTRIES + 1),
  ]);
  return { entries: rows.slice(0, MAX_ENTRIES), more: rows.length > MAX_ENTRIES };
}

export type LogEntry = Awaited<ReturnType<typeof loadLog>>['entries'][number];
