// Writes. Each is one asUser transaction of one round trip, so an application and its status
// history are saved together or not at all, and a row that is not the person's own is never touched.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { unchangedSince, versionOf, type VersionedWrite } from '~/components/forms/versions.server';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { isAccountFull } from './account-full.server';
import type { ApplicationInput } from './application-schema';
import { todayInLondon } from './dates';
import { FOLLOW_UP_DAYS, followUpAhead, suggestedFor } from '~/events/follow-up';
import { datedIfApplied, firstHistory, recordFromInput } from './records';
import type { Status } from './statuses';

const orNull = (value: string | undefined) => (value ? value : null);

const columns = recordFromInput;

// Sent, with a date applied, and no reply yet: the follow-up date starts at the suggestion (14
// days on) unless that day has passed; the person can change or remove it on the application's page.
const startingFollowUp = (input: ApplicationInput, today: string) =>
  input.status === 'applied' ? followUpAhead(input.dateApplied ?? null, today) : null;

/**
 * The form's fields as `column = value` pairs for an UPDATE (status apart: see below); the date
 * applied is `dateApplied` when given.
 */
function fieldAssignments(input: ApplicationInput, dateApplied?: SQL): SQL {
  const c = columns(input);
  return sql`company = ${c.company}, role = ${c.role},
    date_applied = ${dateApplied ?? sql`${c.dateApplied}::date`}, closing_date = ${c.closingDate}::date,
    closing_time = ${c.closingTime}::time, may_close_early = ${c.mayCloseEarly}::boolean,
    advert_url = ${c.advertUrl}, reference = ${c.reference}, grade = ${c.grade},
    location = ${c.location}, source = ${c.source}, salary_min = ${c.salaryMin}::integer,
    salary_max = ${c.salaryMax}::integer, salary_note = ${c.salaryNote}, notes = ${c.notes}`;
}

const own = (userId: string, id: string) =>
  and(eq(applications.id, id), eq(applications.userId, userId));

const status = (value: Status) => sql`${value}::jobtrack.application_status`;

const answerDay = statusChanges.happenedOn;

/** `isAnswer` (history-date.ts) of a status_changes row, or of an alias of the table. */
export const isAnswerMove = (t: { fromStatus: AnyColumn; toStatus: AnyColumn }) =>
  sql`(${t.toStatus} not in ('saved', 'applied')
    and not (${t.fromStatus} is not distinct from 'saved' and ${t.toStatus} = 'withdrawn'))`;

/**
 * Locks the person's application for the rest of the transaction, as a statement of its own: a
 * later statement then reads what a change made while it waited, where a lock taken inside a
 * statement still reads from before the wait.
 */
export function lockApplication(tx: Tx, userId: string, id: string) {
  return tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.userId, userId)))
    .for('update');
}

/**
 * One statement: locks the person's application, applies `changes` and the new status `to`, and
 * records the move in the history (dated `occurredOn`, if given) when the status changed. Yields
 * `found`: false when the row is not theirs (nothing changes). The lock makes two changes at once
 * record a history that chains. With `onlyIfMoved`, an unchanged status leaves the row alone (not
 * even its updated time). `unmoved`, if given, runs only when the status stays as it was. With
 * `opened` (the version an edit form opened, components/forms/versions.ts), a row saved since is
 * left alone too: `saved` is then false, and `version` names the row's newer version. With
 * `appliedOn`, a row whose history has an answer (a move but to Saved or Applied, and not a
 * withdrawal from Saved, recorded since its latest move to Applied) dated before that day is left
 * alone: `saved` is false, and
 * `answered_on`, `answered_by` name the first one.
 */
function updateWithHistory(
  tx: Tx,
  userId: string,
  id: string,
  to: Status,
  options: {
    changes?: SQL;
    onlyIfMoved?: boolean;
    occurredOn?: string | null;
    unmoved?: SQL;
    opened?: string | null;
    appliedOn?: string | null;
    undoable?: boolean;
  },
) {
  const { changes, onlyIfMoved = false, occurredOn = null, unmoved, opened = null } = options;
  // What the move changes besides the status, as it was, for undoing it (undo-move.server.ts).
  const undo = options.undoable
    ? sql`jsonb_build_object('dateApplied', before_date_applied, 'followUpOn', before_follow_up_on)`
    : sql`null`;
  const appliedOn = options.appliedOn ?? null;
  // A move to Applied is dated by the date applied (as the row now has it), so editing that date
  // moves it too.
  const day =
    to === 'applied' ? sql`coalesce(${occurredOn}::date, date_applied)` : sql`${occurredOn}::date`;
  return tx.execute<{
    found: boolean;
    saved: boolean;
    version: string | null;
    answered_on: string | null;
    answered_by: Status | null;
    change: string | null;
  }>(sql`
    with target as (
      select id, status, updated_at, date_applied, follow_up_on from ${applications}
      where id = ${id}::uuid and user_id = ${userId}::uuid
      for update
    ), answer as (
      -- The first answer dated before the new date applied, which would then come after it.
      select ${statusChanges.toStatus} as to_status, ${answerDay} as day from ${statusChanges}
      where ${appliedOn}::date is not null and ${statusChanges.applicationId} = ${id}::uuid
        and ${statusChanges.userId} = ${userId}::uuid
        and ${isAnswerMove(statusChanges)} and ${answerDay} < ${appliedOn}::date
        -- An answer to the application as last sent, not to an earlier sending (a rejection, then
        -- applied again on the same record).
        and ${statusChanges.changedAt} >= coalesce((select max(sent.changed_at)
          from ${statusChanges} as sent where sent.application_id = ${id}::uuid
            and sent.user_id = ${userId}::uuid and sent.to_status = 'applied'), '-infinity')
      order by ${answerDay}, ${statusChanges.changedAt} limit 1
    ), changed as (
      update ${applications} as a
      set ${changes ? sql`${changes}, ` : sql``}status = ${status(to)}, updated_at = now()
      from target
      where a.id = target.id
        ${onlyIfMoved ? sql`and target.status <> ${status(to)}` : sql``}
        ${opened ? sql`and ${unchangedSince(sql`target.updated_at`, opened)}` : sql``}
        and not exists (select 1 from answer)
      returning target.status as from_status, a.date_applied,
        target.date_applied as before_date_applied, target.follow_up_on as before_follow_up_on
    ), logged as (
      insert into ${statusChanges} (application_id, user_id, from_status, to_status, occurred_on,
        undo)
      select ${id}::uuid, ${userId}::uuid, from_status, ${status(to)}, ${day}, ${undo}
      from changed
      where from_status <> ${status(to)}
      returning id
    )${unmoved ? sql`, unmoved as (${unmoved} and exists (select 1 from changed where from_status = ${status(to)}))` : sql``}
    select exists (select 1 from target) as found, exists (select 1 from changed) as saved,
      (select ${versionOf(sql`updated_at`)} from target) as version,
      (select day::text from answer) as answered_on, (select to_status from answer) as answered_by,
      (select id from logged) as change`);
}

/**
 * Saves a new application and its first status-history entries under `id`, the form's one-time
 * key; added at Applied with no date applied, it is dated today (datedIfApplied). A second call
 * with the same id (a retry after a timeout, a double submit) creates nothing.
 * 'saved' when the application with that id is the person's and holds these values (created now,
 * or by the first call); 'saved-differently' when a first call saved other values under the key
 * (the form was sent, then changed after Back); 'not-theirs' when the id is someone else's.
 */
export async function createApplication(
  context: AppLoadContext,
  who: Person,
  typed: ApplicationInput,
  id: string = crypto.randomUUID(),
) {
  const userId = personId(who);
  const input = datedIfApplied(typed, todayInLondon());
  const c = columns(input);
  // Dated here, it is dated the day the row is created, by the database's clock (its
  // created_at's): a retry, even after midnight, then compares what it typed (nothing) with that
  // day, and creates nothing.
  const datedToday = input !== typed;
  const dateApplied = datedToday
    ? sql`(now() at time zone 'Europe/London')::date`
    : sql`${c.dateApplied}::date`;
  const appliedAsTyped = datedToday
    ? sql`(created_at at time zone 'Europe/London')::date`
    : sql`${c.dateApplied}::date`;
  const history = sql.join(
    firstHistory(input).map(
      (h, i) =>
        sql`(${i}, ${h.fromStatus}::jobtrack.application_status, ${status(h.toStatus)}, ${
          h.toStatus === 'applied' ? dateApplied : sql`${h.occurredOn}::date`
        })`,
    ),
    sql`, `,
  );
  // The insert fails, writing nothing, when the account already holds MAX_APPLICATIONS.
  const created = asUser(context, who, (tx) => [
    // One statement: the history rows are written only if the application row was.
    tx.execute(sql`
      with created as (
        insert into ${applications} (id, user_id, company, role, status, date_applied,
          closing_date, closing_time, may_close_early, advert_url, reference, grade, location,
          source, salary_min, salary_max, salary_note, notes, follow_up_on)
        values (${id}::uuid, ${userId}::uuid, ${c.company}, ${c.role}, ${status(c.status)},
          ${dateApplied}, ${c.closingDate}::date, ${c.closingTime}::time,
          ${c.mayCloseEarly}::boolean, ${c.advertUrl}, ${c.reference}, ${c.grade}, ${c.location},
          ${c.source}, ${c.salaryMin}::integer, ${c.salaryMax}::integer, ${c.salaryNote},
          ${c.notes}, ${startingFollowUp(input, todayInLondon())}::date)
        on conflict (id) do nothing
        returning id
      )
      -- One insert, so the entries share a timestamp; they go in the order of firstHistory.
      insert into ${statusChanges} (application_id, user_id, from_status, to_status, occurred_on)
      select created.id, ${userId}::uuid, h.from_status, h.to_status, h.occurred_on
      from created cross join (values ${history}) as h(n, from_status, to_status, occurred_on)
      order by h.n`),
    // A separate statement, so it sees a first call that committed while this one waited on it.
    tx
      .select({
        id: applications.id,
        same: sql<boolean>`(company, role, status, date_applied, closing_date, closing_time,
          may_close_early, advert_url, reference, grade, location, source, salary_min, salary_max,
          salary_note, notes) is not distinct from (${c.company}::text, ${c.role}::text,
          ${status(c.status)}, ${appliedAsTyped}, ${c.closingDate}::date,
          ${c.closingTime}::time, ${c.mayCloseEarly}::boolean, ${c.advertUrl}::text,
          ${c.reference}::text, ${c.grade}::text, ${c.location}::text, ${c.source}::text,
          ${c.salaryMin}::integer, ${c.salaryMax}::integer, ${c.salaryNote}::text, ${c.notes}::text)`,
      })
      .from(applications)
      .where(own(userId, id)),
  ]);
  const answers = await created.catch((error: unknown) => {
    if (isAccountFull(error)) return 'full' as const;
    throw error;
  });
  if (answers === 'full') return answers;
  const [, [theirs]] = answers;
  if (!theirs) return 'not-theirs';
  return theirs.same ? 'saved' : 'saved-differently';
}

/**
 * Replaces an application's fields, recording a status change if there is one: 'missing' if not
 * theirs, the newer version if saved since `opened`, or the first answer in its history dated
 * before the new date applied (nothing is saved then: the answer would come before applying).
 */
export async function updateApplication(
  context: AppLoadContext,
  who: Person,
  id: string,
  input: ApplicationInput,
  opened: string | null = null,
): Promise<VersionedWrite | { answeredOn: string; answeredBy: Status }> {
  const userId = personId(who);
  const dateApplied = orNull(input.dateApplied);
  const today = todayInLondon();
  // Moved to Applied here with no date applied: dated today, as a one-press move is (an
  // application already at Applied keeps its date as typed).
  const dated = datedIfApplied(input, today);
  const movedDate =
    dated !== input ? sql`case when target.status <> 'applied' then ${today}::date end` : undefined;
  // Moved to Applied: a first follow-up date from the date applied, unless one is set already.
  const followUp = startingFollowUp(dated, today);
  const followUpOn = followUp
    ? sql`case when target.status <> ${status(input.status)}
        then ${firstFollowUp(sql`${followUp}::date`)} else a.follow_up_on end`
    : sql`a.follow_up_on`;
  // Locked first, so an answer dated meanwhile (history-date.server.ts) is weighed against the new
  // date applied.
  const [, [row]] = await asUser(context, who, (tx) => [
    lockApplication(tx, userId, id),
    updateWithHistory(tx, userId, id, input.status, {
      changes: sql`${fieldAssignments(input, movedDate)}, follow_up_on = ${
        dateApplied === null && !movedDate
          ? followUpOn
          : // A follow-up date kept from an earlier time at Applied never comes before the date
            // applied (a null one, already at Applied with no date, leaves it as it is).
            notBeforeApplying(
              followUpOn,
              movedDate ?? sql`${dateApplied}::date`,
              sql`${suggestedFor(input.status, dateApplied ?? today, today)}::date`,
            )
      }`,
      occurredOn: input.status === 'applied' ? dateApplied : null,
      // A corrected date applied moves the history entry that was dated from it.
      unmoved: dateApplied
        ? sql`update ${statusChanges} set occurred_on = ${dateApplied}::date
            where application_id = ${id}::uuid and user_id = ${userId}::uuid
              and to_status = 'applied' and occurred_on is not null`
        : undefined,
      opened,
      appliedOn: dateApplied,
    }),
  ]);
  if (!row?.found) return 'missing';
  // Saved elsewhere since the form opened is said first, as guest mode says it.
  const changedSince = opened !== null && row.version !== opened;
  if (row.answered_on && !changedSince) {
    return { answeredOn: row.answered_on, answeredBy: row.answered_by! };
  }
  return row.saved ? 'saved' : { newer: row.version! };
}

/**
 * A follow-up date never before the day of applying (events/follow-up.ts): a date applied moved
 * past it takes the follow-up to `suggestion` (FOLLOW_UP_DAYS after the new date while that day is
 * ahead and the application waits for a reply, else none).
 */
const notBeforeApplying = (followUpOn: SQL, dateApplied: SQL, suggestion: SQL) =>
  sql`case when (${followUpOn}) < (${dateApplied}) then ${suggestion} else (${followUpOn}) end`;

/**
 * A suggested follow-up date, only when the application reaches Applied for the first time (no
 * earlier move to Applied in its history; this statement's own entry is not visible to it): a
 * date the person removed stays removed when the application goes back to Applied.
 */
const firstFollowUp = (suggested: SQL) => sql`case
    when exists (select 1 from ${statusChanges} as h
      where h.application_id = a.id and h.user_id = a.user_id and h.to_status = 'applied')
    then a.follow_up_on
    else coalesce(a.follow_up_on, ${suggested}) end`;

// SET expressions read the row as it was, so the follow-up date repeats the date applied's default.
// The suggestion is followUpAhead's: none once its day has passed. A date kept from an earlier
// time at Applied moves to it if today's date applied would leave it behind.
const appliedNow = (today: string) => {
  const dateApplied = sql`coalesce(a.date_applied, ${today}::date)`;
  const suggested = sql`${dateApplied} + ${FOLLOW_UP_DAYS}::int`;
  const suggestion = sql`case when ${suggested} >= ${today}::date then ${suggested} end`;
  return sql`date_applied = ${dateApplied},
    follow_up_on = ${notBeforeApplying(firstFollowUp(suggestion), dateApplied, suggestion)}`;
};

/**
 * Moves an application to `to` and records it (a no-op if unchanged): `found` false if not
 * theirs, `change` the history entry recorded (null when the status was `to` already).
 */
export async function changeStatus(context: AppLoadContext, who: Person, id: string, to: Status) {
  const [[row]] = await asUser(context, who, (tx) => [
    updateWithHistory(tx, personId(who), id, to, {
      // Moved to Applied without a date applied: it is today. A first follow-up date is suggested
      // from the date applied, as when an application is added as Applied.
      changes: to === 'applied' ? appliedNow(todayInLondon()) : undefined,
      onlyIfMoved: true,
      undoable: true,
    }),
  ]);
  return { found: Boolean(row?.found), change: row?.change ?? null };
}

/** Deletes an application (its history goes with it by cascade); false if not theirs. */
export async function deleteApplication(context: AppLoadContext, who: Person, id: string) {
  const [deleted] = await asUser(context, who, (tx) => [
    tx
      .delete(applications)
      .where(own(personId(who), id))
      .returning({ id: applications.id }),
  ]);
  return deleted.length > 0;
}
