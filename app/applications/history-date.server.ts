// Dating a status change on an account: the page's one read, and its action. Each is one round trip
// (the session is checked in the same transaction); another person's change, or a move to Applied
// (dated by the date applied), is not found.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { applications as a, statusChanges as c } from '#db/schema';
import { SessionEnded } from '~/auth/current-user.server';
import { claimForForm } from '~/auth/form-claim.server';
import { invalid, readForm } from '~/components/forms/form.server';
import { asUser, personId, type Person } from '~/db.server';
import { notFound, requireUuid } from '~/http/not-found.server';
import { beforeApplying, outOfOrder, type DatedMove } from './history-date';
import { HistoryDateSchema } from './history-date-schema';

const theChange = (userId: string, applicationId: string, changeId: string) =>
  and(
    eq(c.id, changeId),
    eq(c.applicationId, applicationId),
    eq(c.userId, userId),
    ne(c.toStatus, 'applied'),
  );

/** The application's other moves, beside the one being dated (`c`). */
const other = alias(c, 'other');

/**
 * Its other answers recorded before (`'earlier'`) or after (`'later'`) the change, as `outOfOrder`
 * weighs them (moves recorded together are neither).
 */
const around = (userId: string, side: 'earlier' | 'later'): SQL =>
  and(
    eq(other.applicationId, c.applicationId),
    eq(other.userId, userId),
    notInArray(other.toStatus, ['saved', 'applied']),
    side === 'earlier'
      ? sql`${other.changedAt} < ${c.changedAt}`
      : sql`${other.changedAt} > ${c.changedAt}`,
  )!;

/** The latest-dated earlier move, or the earliest-dated later one, as a DatedMove (or null). */
const nearest = (userId: string, side: 'earlier' | 'later') =>
  sql<DatedMove | null>`(select json_build_object('on', ${other.happenedOn}, 'toStatus', ${other.toStatus})
    from ${c} as ${other} where ${around(userId, side)}
    order by ${other.happenedOn} ${side === 'earlier' ? sql`desc` : sql`asc`} limit 1)`;

/** The change and its application, as the page shows them; null when not the person's to date. */
export async function loadHistoryEntry(
  context: AppLoadContext,
  who: Person,
  applicationId: string,
  changeId: string,
) {
  const userId = personId(who);
  const [[row]] = await asUser(context, who, (tx) => [
    tx
      .select({
        company: a.company,
        role: a.role,
        fromStatus: c.fromStatus,
        toStatus: c.toStatus,
        occurredOn: c.occurredOn,
        changedAt: c.changedAt,
      })
      .from(c)
      .innerJoin(a, and(eq(a.id, c.applicationId), eq(a.userId, c.userId)))
      .where(theChange(userId, applicationId, changeId)),
  ]);
  return row ? { ...row, changedAt: row.changedAt.toISOString() } : null;
}

/**
 * Sets the day a change happened: 'missing' when it is not the person's to date, or why the day
 * is refused (for any move but to Saved): before the date applied, or out of order with the
 * application's other moves.
 */
export async function setHistoryDate(
  context: AppLoadContext,
  who: Person,
  ids: { applicationId: string; changeId: string },
  on: string,
): Promise<'saved' | 'missing' | { refused: string }> {
  const userId = personId(who);
  const change = theChange(userId, ids.applicationId, ids.changeId);
  const [[found], saved] = await asUser(context, who, (tx) => [
    tx
      .select({
        dateApplied: a.dateApplied,
        toStatus: c.toStatus,
        earlier: nearest(userId, 'earlier'),
        later: nearest(userId, 'later'),
      })
      .from(c)
      .innerJoin(a, and(eq(a.id, c.applicationId), eq(a.userId, c.userId)))
      .where(change),
    tx
      .update(c)
      .set({ occurredOn: on })
      .where(
        and(
          change,
          sql`(${c.toStatus} = 'saved' or (not exists (select 1 from ${a} where ${a.id} = ${c.applicationId}
            and ${a.userId} = ${userId} and ${a.dateApplied} > ${on}::date)
            and not exists (select 1 from ${c} as ${other} where ${around(userId, 'earlier')} and ${other.happenedOn} > ${on}::date)
            and not exists (select 1 from ${c} as ${other} where ${around(userId, 'later')} and ${other.happenedOn} < ${on}::date)))`,
        ),
      )
      .returning({ id: c.id }),
  ]);
  if (saved.length > 0) return 'saved';
  // Refused by one of the rules; if none refuses it, the change went between the two statements.
  if (!found || found.toStatus === 'saved') return 'missing';
  if (found.dateApplied && on < found.dateApplied) {
    return { refused: beforeApplying(found.dateApplied) };
  }
  const refused = outOfOrder(on, found.earlier, found.later);
  return refused ? { refused } : 'missing';
}

/** The page's action: the day saved, then back to the application's history. */
export async function saveHistoryDate(args: ActionFunctionArgs) {
  const applicationId = requireUuid(args.params.id);
  const changeId = requireUuid(args.params.changeId);
  const formData = await readForm(args.request);
  const claim = await claimForForm(args.request, args.context, formData);
  if (!claim.ok) return claim.refused;
  const { user, signedOut } = claim;
  const submission = parseWithZod(formData, { schema: HistoryDateSchema });
  if (submission.status !== 'success') return invalid(submission);
  const { on } = submission.value;
  let outcome: Awaited<ReturnType<typeof setHistoryDate>>;
  try {
    outcome = await setHistoryDate(args.context, user, { applicationId, changeId }, on);
  } catch (error) {
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
  if (outcome === 'missing') throw notFound();
  if (outcome !== 'saved') return invalid(submission, { fieldErrors: { on: [outcome.refused] } });
  return redirect(`/applications/${applicationId}#history-heading`);
}
