// Writes. Each is one asUser transaction, so an application and its status history are saved
// together or not at all, and a row that is not the person's own is never touched.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, sql } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { asUser, type Tx } from '~/db.server';
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
      .values({ userId, ...columns(input) })
      .returning({ id: applications.id });
    const id = row!.id;
    await tx
      .insert(statusChanges)
      .values({ applicationId: id, userId, fromStatus: null, toStatus: input.status });
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
      await tx
        .insert(statusChanges)
        .values({ applicationId: id, userId, fromStatus: before, toStatus: input.status });
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
