// Writes. Each is one asUser transaction, so an application and its status history are saved
// together or not at all, and a row that is not the person's own is never touched.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { asUser, type Tx } from '~/db.server';
import type { ApplicationInput } from './application-schema';
import { todayInLondon } from './dates';
import { FOLLOW_UP_DAYS, suggestedFollowUp } from '~/events/follow-up';
import { firstHistory, recordFromInput } from './records';
import type { Status } from './statuses';

const orNull = (value: string | undefined) => (value ? value : null);
const columns = recordFromInput;

// Sent, with a date applied, and no reply yet: the follow-up date starts at the suggestion (14
// days on), which the person can change or remove on the application's page.
const startingFollowUp = (input: ApplicationInput) =>
  input.status === 'applied' ? suggestedFollowUp(input.dateApplied ?? null) : null;

const own = (userId: string, id: string) =>
  and(eq(applications.id, id), eq(applications.userId, userId));

/** Locks the person's application and returns its status, or null if it is not theirs. */
async function lockStatus(tx: Tx, userId: string, id: string): Promise<Status | null> {
  const [row] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(own(userId, id))
    .for('update');
  return row?.status ?? null;
}

/** Saves a new application and its first status-history entry; returns the new id. */
export function createApplication(
  context: AppLoadContext,
  userId: string,
  input: ApplicationInput,
) {
  return asUser(context, userId, async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({ userId, ...columns(input), followUpOn: startingFollowUp(input) })
      .returning({ id: applications.id });
    const id = row!.id;
    // One insert, so both entries share a timestamp; ids are random, so order by occurred_on too.
    await tx
      .insert(statusChanges)
      .values(firstHistory(input).map((entry) => ({ applicationId: id, userId, ...entry })));
    return id;
  });
}

/** Replaces an application's fields, recording a status change if there is one; false if not theirs. */
export function updateApplication(
  context: AppLoadContext,
  userId: string,
  id: string,
  input: ApplicationInput,
) {
  return asUser(context, userId, async (tx) => {
    const before = await lockStatus(tx, userId, id);
    if (!before) return false;
    await tx
      .update(applications)
      .set({ ...columns(input), updatedAt: sql`now()` })
      .where(own(userId, id));
    if (before !== input.status) {
      const followUpOn = startingFollowUp(input);
      if (followUpOn) {
        await tx
          .update(applications)
          .set({ followUpOn })
          .where(and(own(userId, id), isNull(applications.followUpOn)));
      }
      await tx.insert(statusChanges).values({
        applicationId: id,
        userId,
        fromStatus: before,
        toStatus: input.status,
        occurredOn: input.status === 'applied' ? orNull(input.dateApplied) : null,
      });
    } else if (input.dateApplied) {
      // A corrected date applied moves the history entry that was dated from it.
      await tx
        .update(statusChanges)
        .set({ occurredOn: input.dateApplied })
        .where(
          and(
            eq(statusChanges.applicationId, id),
            eq(statusChanges.userId, userId),
            eq(statusChanges.toStatus, 'applied'),
            isNotNull(statusChanges.occurredOn),
          ),
        );
    }
    return true;
  });
}

/** Moves an application to `status` and records it (a no-op if unchanged); false if not theirs. */
export function changeStatus(context: AppLoadContext, userId: string, id: string, status: Status) {
  return asUser(context, userId, async (tx) => {
    const before = await lockStatus(tx, userId, id);
    if (!before) return false;
    if (before === status) return true;
    await tx
      .update(applications)
      .set({ status, updatedAt: sql`now()` })
      .where(own(userId, id));
    if (status === 'applied') {
      // Moved to Applied without a date applied: it is today. A first follow-up date is suggested
      // from the date applied, as when an application is added as Applied.
      await tx
        .update(applications)
        .set({ dateApplied: todayInLondon() })
        .where(and(own(userId, id), isNull(applications.dateApplied)));
      await tx
        .update(applications)
        .set({ followUpOn: sql`${applications.dateApplied} + ${FOLLOW_UP_DAYS}::int` })
        .where(and(own(userId, id), isNull(applications.followUpOn)));
    }
    await tx
      .insert(statusChanges)
      .values({ applicationId: id, userId, fromStatus: before, toStatus: status });
    return true;
  });
}

/** Deletes an application (its history goes with it by cascade); false if not theirs. */
export function deleteApplication(context: AppLoadContext, userId: string, id: string) {
  return asUser(context, userId, async (tx) => {
    const deleted = await tx
      .delete(applications)
      .where(own(userId, id))
      .returning({ id: applications.id });
    return deleted.length > 0;
  });
}
