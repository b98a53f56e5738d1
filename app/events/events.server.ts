// Reads and writes of an application's dated events and its follow-up date. Each runs through
// asUser (RLS in force) and still names the person in its own where clause.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, asc, eq, sql } from 'drizzle-orm';
import { applicationEvents as e, applications as a } from '#db/schema';
import { asUser, type Tx } from '~/db.server';
import { MAX_EVENTS_PER_APPLICATION, type EventInput } from './event-schema';

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
 * Adds an event to one of the person's applications: 'missing' if the application is not theirs,
 * 'full' if it holds MAX_EVENTS_PER_APPLICATION already (so its export stays importable). A form
 * sent twice with the same one-time key adds one event.
 */
export function addEvent(
  context: AppLoadContext,
  userId: string,
  applicationId: string,
  input: EventInput,
) {
  return asUser(context, userId, async (tx): Promise<'added' | 'missing' | 'full'> => {
    // Locked, so two adds at once cannot both pass the count below.
    const [own] = await tx
      .select({ id: a.id })
      .from(a)
      .where(and(eq(a.id, applicationId), eq(a.userId, userId)))
      .for('update');
    if (!own) return 'missing';
    const [held] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(e)
      .where(and(eq(e.applicationId, applicationId), eq(e.userId, userId)));
    if (held!.count >= MAX_EVENTS_PER_APPLICATION) return 'full';
    await tx
      .insert(e)
      .values({
        applicationId,
        userId,
        createKey: input.createKey ?? crypto.randomUUID(),
        ...values(input),
      })
      .onConflictDoNothing({ target: [e.userId, e.createKey] });
    return 'added';
  });
}

const ownEvent = (userId: string, applicationId: string, eventId: string) =>
  and(eq(e.id, eventId), eq(e.applicationId, applicationId), eq(e.userId, userId));

/** One of the person's events on that application, or null. */
export function getEvent(
  context: AppLoadContext,
  userId: string,
  applicationId: string,
  eventId: string,
) {
  return asUser(context, userId, async (tx) => {
    const [[event], [application]] = await Promise.all([
      tx
        .select(eventColumns)
        .from(e)
        .where(ownEvent(userId, applicationId, eventId)),
      tx
        .select({ id: a.id, company: a.company, role: a.role })
        .from(a)
        .where(and(eq(a.id, applicationId), eq(a.userId, userId))),
    ]);
    return event && application ? { event: toEventRow(event), application } : null;
  });
}

/** Replaces an event's fields; false if it is not the person's. */
export function updateEvent(
  context: AppLoadContext,
  userId: string,
  applicationId: string,
  eventId: string,
  input: EventInput,
) {
  return asUser(context, userId, async (tx) => {
    const updated = await tx
      .update(e)
      .set({ ...values(input), updatedAt: sql`now()` })
      .where(ownEvent(userId, applicationId, eventId))
      .returning({ id: e.id });
    return updated.length > 0;
  });
}

/** Deletes an event; false if it is not the person's. */
export function deleteEvent(
  context: AppLoadContext,
  userId: string,
  applicationId: string,
  eventId: string,
) {
  return asUser(context, userId, async (tx) => {
    const deleted = await tx
      .delete(e)
      .where(ownEvent(userId, applicationId, eventId))
      .returning({ id: e.id });
    return deleted.length > 0;
  });
}

/** Sets or clears (null) an application's follow-up date; false if it is not the person's. */
export function setFollowUp(
  context: AppLoadContext,
  userId: string,
  applicationId: string,
  followUpOn: string | null,
) {
  return asUser(context, userId, async (tx) => {
    const updated = await tx
      .update(a)
      .set({ followUpOn, updatedAt: sql`now()` })
      .where(and(eq(a.id, applicationId), eq(a.userId, userId)))
      .returning({ id: a.id });
    return updated.length > 0;
  });
}

/** What the event and follow-up pages show of their application, or null if it is not the person's. */
export function applicationHead(context: AppLoadContext, userId: string, applicationId: string) {
  return asUser(context, userId, async (tx) => {
    const [row] = await tx
      .select({
        id: a.id,
        company: a.company,
        role: a.role,
        dateApplied: a.dateApplied,
        followUpOn: a.followUpOn,
      })
      .from(a)
      .where(and(eq(a.id, applicationId), eq(a.userId, userId)));
    return row ?? null;
  });
}
