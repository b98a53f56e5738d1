// Undoing a status move made by mistake (Interviewing chosen for Rejected, a saved advert marked
// Applied). The move leaves the history, the job-search log and the stats, as if never made: a
// Work Coach reading the log must not see an application that was never sent.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import { applications, statusChanges } from '#db/schema';
import { asUser, personId, type Person } from '~/db.server';

export type UndoOutcome = 'undone' | 'changed-since' | 'missing';

/**
 * Undoes the one-step move `changeId` (the status menu's, docs/decisions/037): the application
 * goes back to the status it moved from, with the date applied and follow-up date it had before,
 * and the move is deleted. Only while nothing has changed the application since: its updated time
 * is still the move's, which also makes it the latest move. One statement, one round trip.
 * 'changed-since' changes nothing; 'missing' when the application is not the person's. A move
 * no longer in the history was undone already: 'undone' again, so that a second press (or Back
 * and send) does not say otherwise. Dates added or dated in the history since do not count as a
 * change: they are not the application's row, and the undo leaves them as they are. A move gone
 * with another made since (undone in another tab, then moved again) is 'changed-since': the
 * status is not as it was before the move.
 */
export async function undoMove(
  context: AppLoadContext,
  who: Person,
  id: string,
  changeId: string,
): Promise<UndoOutcome> {
  const userId = personId(who);
  const [[row]] = await asUser(context, who, (tx) => [
    tx.execute<{ found: boolean; undone: boolean; kept: boolean; moved_since: boolean }>(sql`
      with target as (
        select id, status, updated_at from ${applications}
        where id = ${id}::uuid and user_id = ${userId}::uuid
        for update
      ), move as (
        select h.id, h.from_status, h.undo from ${statusChanges} as h join target
          on h.application_id = target.id
        where h.id = ${changeId}::uuid and h.user_id = ${userId}::uuid and h.undo is not null
          and h.from_status is not null and h.to_status = target.status
          and h.changed_at = target.updated_at
      ), restored as (
        update ${applications} as a
        set status = move.from_status, date_applied = (move.undo ->> 'dateApplied')::date,
          follow_up_on = (move.undo ->> 'followUpOn')::date, updated_at = now()
        from move
        where a.id = ${id}::uuid and a.user_id = ${userId}::uuid
        returning a.id
      ), removed as (
        delete from ${statusChanges} as h using move
        where h.id = move.id and h.user_id = ${userId}::uuid
      )
      select exists (select 1 from target) as found, exists (select 1 from restored) as undone,
        exists (select 1 from ${statusChanges} where id = ${changeId}::uuid
          and user_id = ${userId}::uuid) as kept,
        exists (select 1 from ${statusChanges} as h join target on h.application_id = target.id
          where h.user_id = ${userId}::uuid and h.changed_at = target.updated_at) as moved_since`),
  ]);
  if (!row?.found) return 'missing';
  if (row.undone) return 'undone';
  // Gone already: only an undo removes a move from a history (a second press, Back and send),
  // unless another move has been made since (in another tab, after undoing it there).
  return !row.kept && !row.moved_since ? 'undone' : 'changed-since';
}
