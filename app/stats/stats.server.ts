// The stats page's one read: every figure summed up by the database in a single statement, so
// the page costs the same round trip at 1 application or 10,000 and sends only the totals.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import { asUser, personId, type Person } from '~/db.server';
import { firstWeekShown, MAX_SOURCES, type StatsFacts } from './stats';

// Statuses that mean the employer answered, and those that mean an interview or an offer came.
const REPLY = `('interviewing','offer','accepted','rejected')`;
const INTERVIEW = `('interviewing','offer','accepted')`;
const OFFER = `('offer','accepted')`;

/** The person's figures, for a page viewed on `today` (YYYY-MM-DD, London). */
export async function loadStats(context: AppLoadContext, who: Person, today: string) {
  const userId = personId(who);
  const [[row]] = await asUser(context, who, (tx) => {
    // The day a history row happened: the day the person gave, else the day it was recorded.
    const day = sql.raw(
      `coalesce(c.occurred_on, (c.changed_at at time zone 'Europe/London')::date)`,
    );
    const reached = (statuses: string) =>
      sql`(a.status in ${sql.raw(statuses)} or exists (select 1 from jobtrack.status_changes c
        where c.application_id = a.id and c.user_id = a.user_id and c.to_status in ${sql.raw(statuses)}))`;
    return [
      tx.execute<{ facts: StatsFacts }>(sql`
      with facts as (
        select a.status, coalesce(nullif(trim(a.source), ''), '') as source,
          coalesce(a.date_applied, (select min(${day}) from jobtrack.status_changes c
            where c.application_id = a.id and c.user_id = a.user_id and c.to_status = 'applied')) as applied_on,
          ${reached(INTERVIEW)} as interviewed,
          ${reached(OFFER)} as offered,
          ${reached(REPLY)} as replied,
          (select min(${day}) from jobtrack.status_changes c
            where c.application_id = a.id and c.user_id = a.user_id and c.to_status in ${sql.raw(REPLY)}) as first_reply_on
        from jobtrack.applications a
        where a.user_id = ${userId}
      ),
      sent as (select * from facts where status <> 'saved' or applied_on is not null)
      select json_build_object(
        'total', (select count(*) from facts),
        'applied', (select count(*) from sent),
        'interviewed', (select count(*) filter (where interviewed) from sent),
        'offered', (select count(*) filter (where offered) from sent),
        'replied', (select count(*) filter (where replied) from sent),
        'medianDaysToReply', (select round(percentile_cont(0.5) within group (order by first_reply_on - applied_on))
          from sent where first_reply_on >= applied_on),
        'weeks', (select coalesce(json_agg(w order by w.week), '[]') from (
          select to_char(date_trunc('week', applied_on), 'YYYY-MM-DD') as week, count(*) as n
          from sent where applied_on >= ${firstWeekShown(today)}::date group by 1) w),
        'sources', (select coalesce(json_agg(s order by s.applied desc, s.source), '[]') from (
          select source, count(*) as applied,
            count(*) filter (where interviewed) as interviews,
            count(*) filter (where offered) as offers,
            count(*) filter (where status = 'rejected') as rejections,
            count(*) filter (where status = 'rejected' and not interviewed) as "rejectedEarly"
          from sent group by source order by count(*) desc, source limit ${MAX_SOURCES}) s)
      ) as facts`),
    ] as const;
  });
  return row!.facts;
}
