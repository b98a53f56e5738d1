// Writes of the Statement Builder. Every one runs through asUser (row-level security) and still
// names the person in its `where`: the policy is the safety net, not the only guard.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import { applications, statementGenerations, statementVersions, statements } from '#db/schema';
import { asUser, personId, type Person, type Tx } from '~/db.server';
import { AT_ONCE, type Allowance, type Refusal } from './allowance';
import { detailsOf, type Inputs } from './inputs';
import { STALE_MS, summaryColumns, toSummary } from './version-summary.server';
import type { VersionSummary } from './types';
import { countWords } from './words';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function inputColumns(inputs: Inputs) {
  return {
    applicationId: inputs.applicationId,
    kind: inputs.kind,
    jobTitle: inputs.jobTitle,
    employer: inputs.employer,
    advert: inputs.advert,
    personSpec: inputs.personSpec,
    details: detailsOf(inputs),
    wordLimit: inputs.wordLimit,
    tone: inputs.tone,
    updatedAt: new Date(),
  };
}

async function ownsApplication(tx: Tx, userId: string, applicationId: string | null) {
  if (!applicationId) return true;
  const [row] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)));
  return Boolean(row);
}

/**
 * Saves the inputs as the statement's draft: updates `statementId`, or creates the statement
 * (once per `createKey`, so a doubled first submit makes one). Null when the statement or the
 * linked application is not the person's.
 */
async function saveInputsIn(
  tx: Tx,
  userId: string,
  inputs: Inputs,
  ids: { statementId?: string; createKey: string },
): Promise<string | null> {
  if (!(await ownsApplication(tx, userId, inputs.applicationId))) return null;
  const columns = inputColumns(inputs);
  // A statement never changes its kind, nor takes another kind's inputs (a hand-made post): none.
  const sameKind = eq(statements.kind, columns.kind);
  const { kind: _kind, ...changes } = columns;
  if (ids.statementId) {
    const [row] = await tx
      .update(statements)
      .set(changes)
      .where(and(eq(statements.id, ids.statementId), eq(statements.userId, userId), sameKind))
      .returning({ id: statements.id });
    return row?.id ?? null;
  }
  // A repeated first save updates the statement it made.
  const [row] = await tx
    .insert(statements)
    .values({ ...columns, userId, createKey: ids.createKey })
    .onConflictDoUpdate({
      target: [statements.userId, statements.createKey],
      set: changes,
      setWhere: sameKind,
    })
    .returning({ id: statements.id });
  return row?.id ?? null;
}

/**
 * saveInputsIn as one statement, for a transaction of one round trip: the application's owner is
 * checked in the statement's own `where`, so nothing is written when it is not the person's.
 */
function saveInputsStatement(
  tx: Tx,
  userId: string,
  inputs: Inputs,
  ids: { statementId?: string; createKey: string },
) {
  const c = inputColumns(inputs);
  const ownsApp = sql`(${c.applicationId}::uuid is null or exists (
    select 1 from ${applications}
    where ${applications.id} = ${c.applicationId}::uuid and ${applications.userId} = ${userId}::uuid))`;
  // A statement never changes its kind, nor takes another kind's inputs (a hand-made post): none.
  const sameKind = eq(statements.kind, c.kind);
  if (ids.statementId) {
    const { kind: _kind, ...changes } = c;
    return tx
      .update(statements)
      .set(changes)
      .where(
        and(eq(statements.id, ids.statementId), eq(statements.userId, userId), ownsApp, sameKind),
      )
      .returning({ id: statements.id });
  }
  // A repeated first save updates the statement it made.
  return tx.execute<{ id: string }>(sql`
    insert into ${statements} (user_id, create_key, application_id, kind, job_title, employer,
      advert, person_spec, details, word_limit, tone, updated_at)
    select ${userId}::uuid, ${ids.createKey}::uuid, ${c.applicationId}::uuid,
      ${c.kind}::jobtrack.statement_kind, ${c.jobTitle}, ${c.employer}, ${c.advert},
      ${c.personSpec}, ${JSON.stringify(c.details)}::jsonb, ${c.wordLimit}::integer, ${c.tone},
      now()
    where ${ownsApp}
    on conflict (user_id, create_key) do update set
      application_id = excluded.application_id, job_title = excluded.job_title,
      employer = excluded.employer, advert = excluded.advert, person_spec = excluded.person_spec,
      details = excluded.details, word_limit = excluded.word_limit, tone = excluded.tone,
      updated_at = excluded.updated_at
    where ${statements.kind} = excluded.kind
    returning id`);
}

/** Saves the inputs as a draft (the Save button), in one round trip. Null when not the person's to change. */
export async function saveInputs(
  context: AppLoadContext,
  who: Person,
  inputs: Inputs,
  ids: { statementId?: string; createKey: string },
): Promise<string | null> {
  const [[row]] = await asUser(context, who, (tx) => [
    saveInputsStatement(tx, personId(who), inputs, ids),
  ]);
  return row?.id ?? null;
}

/** The person's statement that a press with this one-time key saved, if it saved one. */
export async function statementSavedUnder(
  context: AppLoadContext,
  userId: string,
  createKey: string,
): Promise<string | null> {
  const [[row]] = await asUser(context, userId, (tx) => [
    tx
      .select({ id: statements.id })
      .from(statements)
      .where(and(eq(statements.userId, userId), eq(statements.createKey, createKey))),
  ]);
  return row?.id ?? null;
}

/**
 * Whether the person may start a draft now: null, or which limit stops them (and, for the hour
 * and the day, when its oldest generation drops out). Generations are counted as started, so
 * deleting versions gives nothing back; drafts still being written count towards AT_ONCE.
 */
async function refusalIn(tx: Tx, userId: string, allowance: Allowance): Promise<Refusal | null> {
  const now = Date.now();
  const hourAgo = new Date(now - HOUR_MS);
  const inHour = sql`${statementGenerations.createdAt} > ${hourAgo.toISOString()}`;
  const [[started], [writing]] = await Promise.all([
    tx
      .select({
        day: count(),
        hour: sql<number>`count(*) filter (where ${inHour})`.mapWith(Number),
        oldestInDay: sql<string | null>`min(${statementGenerations.createdAt})`,
        oldestInHour: sql<
          string | null
        >`min(${statementGenerations.createdAt}) filter (where ${inHour})`,
      })
      .from(statementGenerations)
      .where(
        and(
          eq(statementGenerations.userId, userId),
          gt(statementGenerations.createdAt, new Date(now - DAY_MS)),
        ),
      ),
    tx
      .select({ n: count() })
      .from(statementVersions)
      .where(
        and(
          eq(statementVersions.userId, userId),
          eq(statementVersions.status, 'generating'),
          gt(statementVersions.updatedAt, new Date(now - STALE_MS)),
        ),
      ),
  ]);
  const after = (oldest: string | null | undefined, windowMs: number) =>
    new Date((oldest ? new Date(oldest).getTime() : now) + windowMs);
  if (started && started.day >= allowance.perDay)
    return { limit: 'day', count: allowance.perDay, retryAt: after(started.oldestInDay, DAY_MS) };
  if (started && started.hour >= allowance.perHour)
    return {
      limit: 'hour',
      count: allowance.perHour,
      retryAt: after(started.oldestInHour, HOUR_MS),
    };
  if ((writing?.n ?? 0) >= AT_ONCE) return { limit: 'at-once', count: AT_ONCE };
  return null;
}

/** The operator's per-person limits, from the Worker's configuration. */
export function allowanceOf(context: AppLoadContext): Allowance {
  const { statementGenerationsPerHour: perHour, statementGenerationsPerDay: perDay } =
    context.config;
  return { perHour, perDay };
}

/** Null when the person may generate now; otherwise the limit that stops them. */
export function generationRefusal(context: AppLoadContext, userId: string, allowance: Allowance) {
  return asUser(context, userId, (tx) => refusalIn(tx, userId, allowance));
}

export type Begun =
  | { ok: true; statementId: string; versionId: string; number: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'rate-limited'; statementId: string; refusal: Refusal }
  | { ok: false; reason: 'duplicate'; statementId: string; versionId: string };

/**
 * Everything before Claude is asked, in one transaction: the inputs saved as the draft, the
 * person's limits checked and the generation counted, and a version opened to write into. A second press with the
 * same one-time key finds the first one's version instead.
 */
export function beginGeneration(
  context: AppLoadContext,
  userId: string,
  inputs: Inputs,
  ids: { statementId?: string; submissionKey: string; allowance: Allowance },
): Promise<Begun> {
  return asUser(context, userId, async (tx) => {
    // One generation start at a time per person, so two tabs cannot both take the last slot.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${userId}, 10))`);
    const [earlier] = await tx
      .select({ id: statementVersions.id, statementId: statementVersions.statementId })
      .from(statementVersions)
      .where(
        and(
          eq(statementVersions.userId, userId),
          eq(statementVersions.requestKey, ids.submissionKey),
        ),
      );
    if (earlier)
      return {
        ok: false,
        reason: 'duplicate',
        statementId: earlier.statementId,
        versionId: earlier.id,
      };

    const statementId = await saveInputsIn(tx, userId, inputs, {
      statementId: ids.statementId,
      createKey: ids.submissionKey,
    });
    if (!statementId) return { ok: false, reason: 'not-found' };

    const refusal = await refusalIn(tx, userId, ids.allowance);
    if (refusal) return { ok: false, reason: 'rate-limited', statementId, refusal };

    const dayAgo = new Date(Date.now() - DAY_MS);
    const [, , [last]] = await Promise.all([
      tx.insert(statementGenerations).values({ userId }),
      tx
        .delete(statementGenerations)
        .where(
          and(eq(statementGenerations.userId, userId), lt(statementGenerations.createdAt, dayAgo)),
        ),
      tx
        .select({ n: max(statementVersions.number) })
        .from(statementVersions)
        .where(
          and(eq(statementVersions.statementId, statementId), eq(statementVersions.userId, userId)),
        ),
    ]);
    const number = (last?.n ?? 0) + 1;
    const [version] = await tx
      .insert(statementVersions)
      .values({
        statementId,
        userId,
        number,
        wordLimit: inputs.wordLimit,
        requestKey: ids.submissionKey,
        status: 'generating',
      })
      .returning({ id: statementVersions.id });
    return { ok: true, statementId, versionId: version!.id, number };
  });
}

/**
 * Saves the text so far of a version being written; true when it should stop: the person pressed
 * Stop, or deleted the version (or its statement) while it was being written, which must not
 * leave Claude writing into nothing, nor free a place under the limit of drafts at once.
 */
export function checkpointVersion(
  context: AppLoadContext,
  userId: string,
  versionId: string,
  text: string,
) {
  return asUser(context, userId, async (tx) => {
    const [row] = await tx
      .update(statementVersions)
      .set({ text, updatedAt: new Date() })
      .where(
        and(
          eq(statementVersions.id, versionId),
          eq(statementVersions.userId, userId),
          eq(statementVersions.status, 'generating'),
        ),
      )
      .returning({ stop: statementVersions.stopRequested });
    return row ? row.stop : true;
  });
}

/**
 * Saves a version's final text and status in one round trip (the person is waiting on it after
 * the last word), and returns the saved version as the page lists it; null when it was not kept:
 * it ended with no text at all (there is nothing to keep, so it is removed), or the person deleted
 * it while it was being written.
 */
export async function finishVersion(
  context: AppLoadContext,
  userId: string,
  ids: { statementId: string; versionId: string },
  result: { text: string; status: 'complete' | 'incomplete' | 'stopped'; failure: string | null },
): Promise<VersionSummary | null> {
  const mine = and(eq(statementVersions.id, ids.versionId), eq(statementVersions.userId, userId));
  if (!result.text.trim()) {
    await asUser(context, userId, (tx) => [tx.delete(statementVersions).where(mine)]);
    return null;
  }
  const now = new Date();
  const { words: _counted, ...columns } = summaryColumns; // counted here, from the text in hand
  const [[kept]] = await asUser(context, userId, (tx) => [
    tx
      .update(statementVersions)
      .set({ text: result.text, status: result.status, failure: result.failure, updatedAt: now })
      .where(mine)
      .returning(columns),
    tx
      .update(statements)
      .set({ updatedAt: now })
      .where(and(eq(statements.id, ids.statementId), eq(statements.userId, userId))),
  ]);
  return kept ? toSummary({ ...kept, words: countWords(result.text) }) : null;
}

/** Asks a version that is being written to stop; false when it is not the person's. */
export async function requestStop(
  context: AppLoadContext,
  who: Person,
  ids: { statementId: string; versionId: string },
) {
  const userId = personId(who);
  const [rows] = await asUser(context, who, (tx) => [
    tx
      .update(statementVersions)
      .set({ stopRequested: true })
      .where(
        and(
          eq(statementVersions.id, ids.versionId),
          eq(statementVersions.statementId, ids.statementId),
          eq(statementVersions.userId, userId),
        ),
      )
      .returning({ id: statementVersions.id }),
  ]);
  return rows.length > 0;
}

export type VersionChange = 'saved' | 'not-found' | 'still-writing';

/**
 * Renames a version and saves the person's edits to its text. A version Claude is still writing
 * cannot be edited until it has finished. One statement: the version is locked, checked and
 * changed together.
 */
export async function updateVersion(
  context: AppLoadContext,
  who: Person,
  ids: { statementId: string; versionId: string },
  change: { name: string | null; text: string },
): Promise<VersionChange> {
  const userId = personId(who);
  const [[row]] = await asUser(context, who, (tx) => [
    tx.execute<{ found: boolean; saved: boolean }>(sql`
      with target as (
        select id, text, status from ${statementVersions}
        where id = ${ids.versionId}::uuid and statement_id = ${ids.statementId}::uuid
          and user_id = ${userId}::uuid
        for update
      ), changed as (
        update ${statementVersions} as v
        set name = ${change.name},
          text = ${change.text},
          edited_at = case when target.text <> ${change.text} then now() else v.edited_at end,
          updated_at = now()
        from target
        where v.id = target.id
          and not (target.status = 'generating' and target.text <> ${change.text})
        returning v.id
      )
      select exists (select 1 from target) as found, exists (select 1 from changed) as saved`),
  ]);
  if (!row?.found) return 'not-found';
  return row.saved ? 'saved' : 'still-writing';
}

/** Deletes one version of the person's statement; false when it is not theirs. */
export async function deleteVersion(
  context: AppLoadContext,
  who: Person,
  ids: { statementId: string; versionId: string },
) {
  const userId = personId(who);
  const [deleted] = await asUser(context, who, (tx) => [
    tx
      .delete(statementVersions)
      .where(
        and(
          eq(statementVersions.id, ids.versionId),
          eq(statementVersions.statementId, ids.statementId),
          eq(statementVersions.userId, userId),
        ),
      )
      .returning({ id: statementVersions.id }),
  ]);
  return deleted.length > 0;
}

/** Deletes a statement with its inputs and every version; false when it is not the person's. */
export async function deleteStatement(context: AppLoadContext, who: Person, statementId: string) {
  const userId = personId(who);
  const [deleted] = await asUser(context, who, (tx) => [
    tx
      .delete(statements)
      .where(and(eq(statements.id, statementId), eq(statements.userId, userId)))
      .returning({ id: statements.id }),
  ]);
  return deleted.length > 0;
}
