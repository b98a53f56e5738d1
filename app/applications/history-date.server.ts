// Dating a status change on an account: the page's one read, and its action. Each is one round trip
// (the session is checked in the same transaction); another person's change, or a move to Applied
// (dated by the date applied), is not found.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type AppLoadContext } from '@remix-run/cloudflare';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { applications as a, statusChanges as c } from '#db/schema';
import { SessionEnded } from '~/auth/current-user.server';
import { claimForForm } from '~/auth/form-claim.server';
import { invalid, readForm } from '~/components/forms/form.server';
import { asUser, personId, type Person } from '~/db.server';
import { notFound, requireUuid } from '~/http/not-found.server';
import { refusalOf, type DatedMove } from './history-date';
import { HistoryDateSchema } from './history-date-schema';
import { isAnswerMove as answer, lockApplication } from './mutations.server';

const theChange = (userId: string, applicationId: string, changeId: string) =>
  and(
    eq(c.id, changeId),
    eq(c.applicationId, applicationId),
    eq(c.userId, userId),
    ne(c.toStatus, 'applied'),
  );

/** The application's other moves, beside the one being dated (`c`), and its moves to Applied. */
const other = alias(c, 'other');
const sent = alias(c, 'sent');

/** When the sending the change answers began (`'start'`) or ended: its moves to Applied around it. */
const sending = (userId: string, side: 'start' | 'end') =>
  sql`(select ${side === 'start' ? sql`max` : sql`min`}(${sent.changedAt}) from ${c} as ${sent}
    where ${sent.applicationId} = ${c.applicationId} and ${sent.userId} = ${userId}
      and ${sent.toStatus} = 'applied'
      and ${sent.changedAt} ${side === 'start' ? sql`<` : sql`>`} ${c.changedAt})`;

/**
 * The other answers to the change's sending recorded before (`'earlier'`) or after it (moves
 * recorded together are neither), still in order with its day as it stands (Surroundings).
 */
const around = (userId: string, side: 'earlier' | 'later'): SQL =>
  and(
    eq(other.applicationId, c.applicationId),
    eq(other.userId, userId),
    answer(other),
    sql`${other.changedAt} >= coalesce(${sending(userId, 'start')}, '-infinity')`,
    sql`${other.changedAt} < coalesce(${sending(userId, 'end')}, 'infinity')`,
    side === 'earlier'
      ? sql`${other.changedAt} < ${c.changedAt} and ${other.happenedOn} <= ${c.happenedOn}`
      : sql`${other.changedAt} > ${c.changedAt} and ${other.happenedOn} >= ${c.happenedOn}`,
  )!;

/** The latest-dated earlier answer, or the earliest-dated later one (ties: the nearest). */
const nearest = (userId: string, side: 'earlier' | 'later') =>
  sql<DatedMove | null>`(select json_build_object('on', ${other.happenedOn}, 'toStatus', ${other.toStatus})
    from ${c} as ${other} where ${around(userId, side)}
    order by ${side === 'earlier' ? sql`${other.happenedOn} desc, ${other.changedAt} desc` : sql`${other.happenedOn}, ${other.changedAt}`}
    limit 1)`;

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
 * is refused (refusalOf). The application is locked first, so two dates given at once are weighed
 * one after the other; the update checks the rules itself, and the read says which refused it.
 */
export async function setHistoryDate(
  context: AppLoadContext,
  who: Person,
  ids: { applicationId: string; changeId: string },
  on: string,
): Promise<'saved' | 'missing' | { refused: string }> {
  const userId = personId(who);
  const change = theChange(userId, ids.applicationId, ids.changeId);
  const day = sql`${on}::date`;
  const [, [found], saved] = await asUser(context, who, (tx) => [
    lockApplication(tx, userId, ids.applicationId),
    tx
      .select({
        answer: sql<boolean>`${answer(c)}`,
        latest: sql<boolean>`${sending(userId, 'end')} is null`,
        dateApplied: a.dateApplied,
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
          sql`(not ${answer(c)} or (
            (${sending(userId, 'end')} is not null or not exists (select 1 from ${a}
              where ${a.id} = ${c.applicationId} and ${a.userId} = ${userId} and ${a.dateApplied} > ${day}))
            and not exists (select 1 from ${c} as ${other} where ${around(userId, 'earlier')} and ${other.happenedOn} > ${day})
            and not exists (select 1 from ${c} as ${other} where ${around(userId, 'later')} and ${other.happenedOn} < ${day})))`,
        ),
      )
      .returning({ id: c.id }),
  ]);
  if (saved.length > 0) return 'saved';
  const refused = found ? refusalOf(on, found) : null;
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
