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
    const day = sql.raw('c.happened_on');
    return [
      tx.execute<{ facts: StatsFacts }>(sql`
      with changes as (
        -- The history read once, each application's moves summed up in one pass and joined:
        -- a plan that does not hang on the planner's guesses, where subqueries run once per
        -- application took seconds for a reviewer's 20,000 just after they were imported.
        select c.application_id,
          min(${day}) filter (where c.to_status = 'applied') as applied_on,
          bool_or(c.to_status in ${sql.raw(INTERVIEW)}) as interviewed,
          bool_or(c.to_status in ${sql.raw(OFFER)}) as offered,
          bool_or(c.to_status in ${sql.raw(REPLY)}) as replied,
          bool_or(c.to_status = 'rejected') as rejected,
          min(${day}) filter (where c.to_status in ${sql.raw(REPLY)}) as first_reply_on
        from jobtrack.status_changes c
        where c.user_id = ${userId}
        group by c.application_id
      ),
      facts as (
        select a.status, coalesce(nullif(trim(a.source), ''), '') as source,
          coalesce(a.date_applied, ch.applied_on) as applied_on,
          (a.status in ${sql.raw(INTERVIEW)} or coalesce(ch.interviewed, false)) as interviewed,
          (a.status in ${sql.raw(OFFER)} or coalesce(ch.offered, false)) as offered,
          (a.status in ${sql.raw(REPLY)} or coalesce(ch.replied, false)) as replied,
          (a.status = 'rejected' or coalesce(ch.rejected, false)) as rejected,
          ch.first_reply_on
        from jobtrack.applications a
        left join changes ch on ch.application_id = a.id
        where a.user_id = ${userId}
      ),
      -- Sent: anything past Saved, or with a date applied; but withdrawn from an advert never sent
      -- (no date applied, no answer) is not.
      sent as (select * from facts where applied_on is not null
        or (status <> 'saved' and not (status = 'withdrawn' and not replied)))
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
            count(*) filter (where rejected and not interviewed) as "rejectedEarly",
            count(*) filter (where status = 'withdrawn' and not replied) as "withdrawnEarly"
          from sent group by source order by count(*) desc, source limit ${MAX_SOURCES}) s)
      ) as facts`),
    ] as const;
  });
  return row!.facts;
}
