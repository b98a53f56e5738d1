// Writes. Each is one asUser transaction of one round trip, so an application and its status
// history are saved together or not at all, and a row that is not the person's own is never touched.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import type { ApplicationInput } from './application-schema';
import type { Status } from './statuses';

const orNull = (value: string | undefined) => (value ? value : null);

function columns(input: ApplicationInput) {
  return {
    company: input.company,
    role: input.role,
    status: input.status,
    dateApplied: orNull(input.dateApplied),
    closingDate: orNull(input.closingDate),
    advertUrl: orNull(input.advertUrl),
    location: orNull(input.location),
    salary: orNull(input.salary),
    source: orNull(input.source),
    notes: orNull(input.notes),
  };
}

const own = (userId: string, id: string) =>
  and(eq(applications.id, id), eq(applications.userId, userId));

/**
 * One statement: locks the person's application, applies `changes` and the new `status`, and
 * records the move in the history when the status changed. Yields `found`: false when the row is
 * not theirs (nothing changes). The lock makes two changes at once record a history that chains.
 * With `onlyIfMoved`, an unchanged status leaves the row alone (not even its updated time).
 */
function updateWithHistory(
  tx: Tx,
  userId: string,
  id: string,
  status: Status,
  changes: SQL | null,
  onlyIfMoved: boolean,
) {
  return tx.execute<{ found: boolean }>(sql`
    with target as (
      select id, status from ${applications}
      where id = ${id}::uuid and user_id = ${userId}::uuid
      for update
    ), changed as (
      update ${applications} as a
      set ${changes ? sql`${changes}, ` : sql``}status = ${status}::jobtrack.application_status,
        updated_at = now()
      from target
      where a.id = target.id
        ${onlyIfMoved ? sql`and target.status <> ${status}::jobtrack.application_status` : sql``}
      returning target.status as from_status
    ), logged as (
      insert into ${statusChanges} (application_id, user_id, from_status, to_status)
      select ${id}::uuid, ${userId}::uuid, from_status, ${status}::jobtrack.application_status
      from changed
      where from_status <> ${status}::jobtrack.application_status
    )
    select exists (select 1 from target) as found`);
}

/**
 * Saves a new application and its first status-history entry under `id`, the form's one-time key.
 * A second call with the same id (a retry after a timeout, a double submit) creates nothing.
 * True when the application with that id is the person's, created now or by the first call.
 */
export async function createApplication(
  context: AppLoadContext,
  who: Person,
  input: ApplicationInput,
  id: string = crypto.randomUUID(),
) {
  const userId = personId(who);
  const c = columns(input);
  const [, [theirs]] = await asUser(context, who, (tx) => [
    // One statement: the history row is written only if the application row was.
    tx.execute(sql`
      with created as (
        insert into ${applications} (id, user_id, company, role, status, date_applied,
          closing_date, advert_url, location, salary, source, notes)
        values (${id}::uuid, ${userId}::uuid, ${c.company}, ${c.role},
          ${c.status}::jobtrack.application_status, ${c.dateApplied}::date,
          ${c.closingDate}::date, ${c.advertUrl}, ${c.location}, ${c.salary}, ${c.source},
          ${c.notes})
        on conflict (id) do nothing
        returning id, status
      )
      insert into ${statusChanges} (application_id, user_id, from_status, to_status)
      select id, ${userId}::uuid, null, status from created`),
    // A separate statement, so it sees a first call that committed while this one waited on it.
    tx.select({ id: applications.id }).from(applications).where(own(userId, id)),
  ]);
  return Boolean(theirs);
}

/** Replaces an application's fields, recording a status change if there is one; false if not theirs. */
export async function updateApplication(
  context: AppLoadContext,
  who: Person,
  id: string,
  input: ApplicationInput,
) {
  const c = columns(input);
  const changes = sql`company = ${c.company}, role = ${c.role},
    date_applied = ${c.dateApplied}::date, closing_date = ${c.closingDate}::date,
    advert_url = ${c.advertUrl}, location = ${c.location}, salary = ${c.salary},
    source = ${c.source}, notes = ${c.notes}`;
  const [[row]] = await asUser(context, who, (tx) => [
    updateWithHistory(tx, personId(who), id, input.status, changes, false),
  ]);
  return Boolean(row?.found);
}

/** Moves an application to `status` and records it (a no-op if unchanged); false if not theirs. */
export async function changeStatus(
  context: AppLoadContext,
  who: Person,
  id: string,
  status: Status,
) {
  const [[row]] = await asUser(context, who, (tx) => [
    updateWithHistory(tx, personId(who), id, status, null, true),
  ]);
  return Boolean(row?.found);
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
