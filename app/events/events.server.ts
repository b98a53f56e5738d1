// Reads and writes of an application's dated events and its follow-up date. Each is one asUser
// transaction of one round trip (RLS in force) and still names the person in its own where clause;
// an edit refused as out of date takes a second to say so (whyNotWritten).
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { applicationEvents as e, applications as a, statusChanges } from '#db/schema';
import { unchangedSince, versionOf, type VersionedWrite } from '~/components/forms/versions.server';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { MAX_EVENTS_PER_APPLICATION, type EventInput } from './event-schema';
import { asksToMoveOn, MOVES_ON_FROM } from './kinds';

const orNull = (value: string | undefined) => (value ? value : null);

/** The columns an event is shown with (times as ISO text once sent). */
export const eventColumns = {
  id: e.id,
  applicationId: e.applicationId,
  kind: e.kind,
  startsAt: e.startsAt,
  format: e.format,
  place: e.place,
  link: e.link,
  notes: e.notes,
};

/** An event as a page receives it. */
export type EventRow = Omit<Awaited<ReturnType<typeof eventsOf>>[number], 'startsAt'> & {
  startsAt: string;
};

/** An application's events, soonest first (inside a caller's transaction). */
export function eventsOf(tx: Tx, userId: string, applicationId: string) {
  return tx
    .select(eventColumns)
    .from(e)
    .where(and(eq(e.applicationId, applicationId), eq(e.userId, userId)))
    .orderBy(asc(e.startsAt), asc(e.id))
    .limit(MAX_EVENTS_PER_APPLICATION);
}

/** The row with its time as ISO text, for a loader. */
export const toEventRow = <T extends { startsAt: Date }>(row: T) => ({
  ...row,
  startsAt: row.startsAt.toISOString(),
});

function values(input: EventInput) {
  return {
    kind: input.kind,
    startsAt: input.startsAt,
    format: input.format ?? null,
    place: orNull(input.place),
    link: orNull(input.link),
    notes: orNull(input.notes),
  };
}

/**
 * True for an event row that holds these details on that application: the one a form's key saved,
 * when the form is sent again unchanged.
 */
function holds(applicationId: string, input: EventInput) {
  const v = values(input);
  return sql`(application_id, kind, starts_at, format, place, link, notes) is not distinct from
    (${applicationId}::uuid, ${v.kind}::jobtrack.event_kind, ${v.startsAt.toISOString()}::timestamptz,
     ${v.format}::jobtrack.event_format, ${v.place}::text, ${v.link}::text, ${v.notes}::text)`;
}

/**
 * The move to Interviewing that an interview added with the form's box ticked brings: only from
 * Saved or Applied, and only once the event with this key is there (not when the application was
 * full). A retried form finds the application moved already and moves nothing again.
 */
function interviewBooked(
  tx: Tx,
  userId: string,
  applicationId: string,
  createKey: string,
  input: EventInput,
) {
  return tx.execute(sql`
    with target as (
      select id, status from ${a}
      where id = ${applicationId}::uuid and user_id = ${userId}::uuid
        and ${inArray(a.status, [...MOVES_ON_FROM])}
        and exists (select 1 from ${e} where user_id = ${userId}::uuid
          and create_key = ${createKey}::uuid and ${holds(applicationId, input)})
      for update
    ), moved as (
      update ${a} as moving set status = 'interviewing', updated_at = now()
      from target where moving.id = target.id
      returning target.status as from_status
    )
    insert into ${statusChanges} (application_id, user_id, from_status, to_status)
    select ${applicationId}::uuid, ${userId}::uuid, from_status, 'interviewing' from moved`);
}

/**
 * Adds an event to one of the person's applications: 'missing' if the application is not theirs,
 * 'full' if it holds MAX_EVENTS_PER_APPLICATION already (so its export stays importable). A form
 * sent twice with the same one-time key adds one event; 'saved-differently' when the key saved
 * other details (or on another application) before: the form was sent, then changed after Back.
 * An interview added with `toInterviewing` moves a Saved or Applied application to Interviewing.
 * One round trip: the lock, the insert and the move go together.
 */
export async function addEvent(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  input: EventInput,
): Promise<'added' | 'missing' | 'full' | 'saved-differently'> {
  const userId = personId(who);
  const v = values(input);
  const createKey = input.createKey ?? crypto.randomUUID();
  const [, [outcome]] = await asUser(context, who, (tx) => [
    // Locked first, in a statement of its own, so two adds at once cannot both pass the count: the
    // second waits here, and its insert below, a later statement, counts with a fresh snapshot
    // that sees the first's event (one statement would count from before the wait).
    tx
      .select({ id: a.id })
      .from(a)
      .where(and(eq(a.id, applicationId), eq(a.userId, userId)))
      .for('update'),
    tx.execute<{ found: boolean; full: boolean; same: boolean | null }>(sql`
      with target as (
        select id from ${a} where id = ${applicationId}::uuid and user_id = ${userId}::uuid
      ), held as (
        select count(*)::int as n from ${e}
        where application_id = ${applicationId}::uuid and user_id = ${userId}::uuid
      ), added as (
        insert into ${e} (application_id, user_id, create_key, kind, starts_at, format, place,
          link, notes)
        select target.id, ${userId}::uuid, ${createKey}::uuid, ${v.kind}::jobtrack.event_kind,
          ${v.startsAt.toISOString()}::timestamptz, ${v.format}::jobtrack.event_format,
          ${v.place}::text, ${v.link}::text, ${v.notes}::text
        from target cross join held
        where held.n < ${MAX_EVENTS_PER_APPLICATION}::int
        on conflict (user_id, create_key) do nothing
      )
      select exists (select 1 from target) as found,
        (select n from held) >= ${MAX_EVENTS_PER_APPLICATION}::int as full,
        -- An event this key saved before (this statement's own insert is not visible to it).
        (select ${holds(applicationId, input)}
          from ${e} where user_id = ${userId}::uuid and create_key = ${createKey}::uuid) as same`),
    // Only once the key's event holds these details: a form refused as changed moves nothing.
    ...(asksToMoveOn(input) ? [interviewBooked(tx, userId, applicationId, createKey, input)] : []),
  ]);
  if (!outcome?.found) return 'missing';
  if (outcome.same === false) return 'saved-differently';
  return outcome.full && outcome.same === null ? 'full' : 'added';
}

const ownEvent = (userId: string, applicationId: string, eventId: string) =>
  and(eq(e.id, eventId), eq(e.applicationId, applicationId), eq(e.userId, userId));

/** One of the person's events on that application, or null. */
export async function getEvent(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  eventId: string,
) {
  const userId = personId(who);
  const [[event], [application]] = await asUser(context, who, (tx) => [
    tx
      .select({ ...eventColumns, updatedAt: e.updatedAt })
      .from(e)
      .where(ownEvent(userId, applicationId, eventId)),
    tx
      .select({ id: a.id, company: a.company, role: a.role })
      .from(a)
      .where(and(eq(a.id, applicationId), eq(a.userId, userId))),
  ]);
  if (!event || !application) return null;
  const { updatedAt, ...row } = event;
  // The version its edit page's forms carry (components/forms/versions.ts).
  return { event: toEventRow(row), version: updatedAt.toISOString(), application };
}

/**
 * Replaces an event's fields: 'missing' if it is not the person's; refused with its newer version
 * if it was saved after the form opened (`opened`, components/forms/versions.ts).
 */
export async function updateEvent(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  eventId: string,
  input: EventInput,
  opened: string | null = null,
): Promise<VersionedWrite> {
  const [updated] = await asUser(context, who, (tx) => [
    tx
      .update(e)
      .set({ ...values(input), updatedAt: sql`now()` })
      .where(ownVersion(personId(who), applicationId, eventId, opened))
      .returning({ id: e.id }),
  ]);
  return updated.length > 0 ? 'saved' : whyNotWritten(context, who, applicationId, eventId, opened);
}

/** Deletes an event: 'missing' if it is not the person's; refused as updateEvent is. */
export async function deleteEvent(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  eventId: string,
  opened: string | null = null,
): Promise<VersionedWrite> {
  const [deleted] = await asUser(context, who, (tx) => [
    tx
      .delete(e)
      .where(ownVersion(personId(who), applicationId, eventId, opened))
      .returning({ id: e.id }),
  ]);
  return deleted.length > 0 ? 'saved' : whyNotWritten(context, who, applicationId, eventId, opened);
}

const ownVersion = (
  userId: string,
  applicationId: string,
  eventId: string,
  opened: string | null,
) => and(ownEvent(userId, applicationId, eventId), unchangedSince(sql`${e.updatedAt}`, opened));

/**
 * Why a versioned write touched nothing: the event is not the person's (or went), or it was saved
 * since the form opened. A second round trip, on this path alone.
 */
async function whyNotWritten(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  eventId: string,
  opened: string | null,
): Promise<VersionedWrite> {
  if (!opened) return 'missing';
  const [[row]] = await asUser(context, who, (tx) => [
    tx
      .select({ version: versionOf(sql`${e.updatedAt}`).mapWith(String) })
      .from(e)
      .where(ownEvent(personId(who), applicationId, eventId)),
  ]);
  return row ? { newer: row.version } : 'missing';
}

/**
 * Sets or clears (null) an application's follow-up date, never to a day before its date applied
 * (follow-up.ts): 'saved', 'missing' when the application is not the person's, or the date applied
 * that refused it. One round trip: the write, and the date applied as it stands after it.
 */
export async function setFollowUp(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  followUpOn: string | null,
): Promise<'saved' | 'missing' | { appliedOn: string }> {
  const mine = and(eq(a.id, applicationId), eq(a.userId, personId(who)));
  const follows = sql`(${followUpOn}::date is null or ${a.dateApplied} is null or ${a.dateApplied} <= ${followUpOn}::date)`;
  const [updated, [row]] = await asUser(context, who, (tx) => [
    tx
      .update(a)
      .set({ followUpOn, updatedAt: sql`now()` })
      .where(and(mine, follows))
      .returning({ id: a.id }),
    tx.select({ dateApplied: a.dateApplied }).from(a).where(mine),
  ]);
  if (updated.length > 0) return 'saved';
  return row?.dateApplied ? { appliedOn: row.dateApplied } : 'missing';
}

/** What the event and follow-up pages show of their application, or null if it is not the person's. */
export async function applicationHead(context: AppLoadContext, who: Person, applicationId: string) {
  const [[row]] = await asUser(context, who, (tx) => [headOf(tx, personId(who), applicationId)]);
  return row ?? null;
}

const headOf = (tx: Tx, userId: string, applicationId: string) =>
  tx
    .select({
      id: a.id,
      company: a.company,
      role: a.role,
      dateApplied: a.dateApplied,
      followUpOn: a.followUpOn,
      status: a.status,
    })
    .from(a)
    .where(and(eq(a.id, applicationId), eq(a.userId, userId)));

/**
 * The add-a-date page's read: the application's head and the date the form's one-time key saved
 * already (Back after saving, a reload), if any, on any of the person's applications. One round
 * trip, with the session's check.
 */
export async function newEventPage(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  createKey: string,
) {
  const userId = personId(who);
  const [[application], [saved]] = await asUser(context, who, (tx) => [
    headOf(tx, userId, applicationId),
    tx
      .select(eventColumns)
      .from(e)
      .where(and(eq(e.userId, userId), eq(e.createKey, createKey))),
  ]);
  return { application: application ?? null, saved: saved ? toEventRow(saved) : null };
}
