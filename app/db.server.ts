import type { AppLoadContext } from '@remix-run/cloudflare';
import { sql, type SQL } from 'drizzle-orm';
import { PREPARE, type Database } from '#db/client';
import { pipelinedTransaction, type Results, type Statement, type Work } from '#db/pipeline';
import type { SessionClaim, SessionUser } from '~/auth/port';
import { loggable } from '~/http/loggable';

export type { Results, Statement } from '#db/pipeline';

/** What `asUser` and `asServer` callbacks receive: a database whose statements run in the transaction. */
export type Tx = Database;

/**
 * A person a request claims to be, for `asUser`: the adapter's claim, and what to throw when the
 * database finds that it does not hold (the session ended, or was never real).
 */
export type UserClaim = SessionClaim & { signedOut: () => unknown };

/** Thrown (by claims that ask for it) when the session named by the request turned out to be over. */
export class SessionEnded extends Error {
  constructor() {
    super('The session has ended');
    this.name = 'SessionEnded';
  }
}

// SQLSTATE classes that mean "the database is unreachable or overloaded", not "your query is wrong":
// 08 connection exception, 53 insufficient resources, 57 operator intervention (incl. timeouts), 58 system.
const UNAVAILABLE_CLASSES = ['08', '53', '57', '58'];

function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (typeof e !== 'object') return false;
    const { code, name } = e as { code?: unknown; name?: string };
    if (name === 'PostgresError' && typeof code === 'string') {
      return UNAVAILABLE_CLASSES.includes(code.slice(0, 2));
    }
    if (typeof code === 'string' && /^(E[A-Z]+|CONNECT(ION)?_[A-Z]+)$/.test(code)) return true;
    if (e instanceof Error && /network|socket|connection|timed? ?out/i.test(e.message)) {
      if (!(e as { cause?: unknown }).cause) return true;
    }
  }
  return false;
}

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** The calm 503 that the root error boundary renders when the database cannot be reached. */
export function databaseUnavailable(): Response {
  return new Response('The database is not answering right now.', {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  });
}

/** Maps "the database is away" (refused, reset, timed out, shutting down) to the calm 503. */
function unavailableAs503(error: unknown, { quiet = false } = {}): never {
  if (error instanceof Response) throw error;
  if (isUnavailable(error)) {
    if (!quiet) console.warn('Database unavailable:', loggable(error));
    throw databaseUnavailable();
  }
  throw error;
}

// The first statement of every transaction. It confirms who the transaction is for (`who`, a query
// of at most one row of id, email and has_password, runs as the server's own role, before the role
// changes) and sets the JWT claims, the role and the timeout, all scoped to the transaction. When
// `who` finds no row, the role becomes `anon`, which has no grant on JobTrack's tables: every later
// statement fails, and nothing runs. The older single-claim setting is overwritten too (with the
// same id, or emptied): auth.uid() reads it first, so a value left on a pooled connection must
// never name anyone else here. The local auth.uid() (migrations/0000) treats '' as a value, not as
// absent, so it gets the id.
function setupStatement(who: SQL, timeoutMs: number): SQL {
  return sql`select who.id, who.email, who.has_password,
      set_config('request.jwt.claims', json_build_object('sub', who.id, 'role', r.role)::text, true),
      set_config('request.jwt.claim.sub', coalesce(who.id::text, ''), true),
      set_config('statement_timeout', ${String(timeoutMs)}, true),
      set_config('role', r.role, true)
    from (select 1) as one
    left join (${who}) as who on true
    cross join lateral (
      select case when who.id is null then 'anon' else 'authenticated' end as role
    ) as r`;
}

type Who = { id: string | null; email: string | null; has_password: boolean | null };

// Per request, per claimed id: the answer of the first transaction that checked the claim, so the
// root loader's "who is signed in" shares the page's round trip instead of making its own.
const checked = new WeakMap<AppLoadContext, Map<string, Promise<SessionUser | null>>>();

/** Notes, as a transaction for `claim` starts, that its first statement will answer who it is. */
function noteCheck(context: AppLoadContext, claim: SessionClaim) {
  let byId = checked.get(context);
  if (!byId) checked.set(context, (byId = new Map()));
  if (byId.has(claim.id)) return () => {};
  let answer!: (rows: Promise<Who[]>) => void;
  const rows = new Promise<Who[]>((resolve) => (answer = resolve));
  const user = rows.then(
    ([row]): SessionUser | null =>
      row?.id
        ? {
            id: row.id,
            email: row.email ?? '',
            ...(row.has_password === null ? {} : { hasPassword: row.has_password }),
          }
        : null,
    // Whoever shares this answer (the root loader) gets the same calm 503 as the page.
    (error: unknown) => unavailableAs503(error, { quiet: true }),
  );
  user.catch(() => {});
  byId.set(claim.id, user);
  return answer;
}

/** The answer of this request's first check of `claim`, if one has started. */
export function checkedClaim(context: AppLoadContext, claim: SessionClaim) {
  return checked.get(context)?.get(claim.id);
}

/**
 * Runs `work` in one transaction as role `authenticated` for `who`, so row-level security limits
 * every statement to that person's rows even without a `where user_id`. `who` is a user id the
 * server already trusts, or a claim, which the transaction's first statement checks: a claim that
 * does not hold throws `who.signedOut()` and runs nothing.
 *
 * When `work` returns its statements as an array (built, not awaited), the whole transaction is one
 * round trip and the answer is their results in order; an async `work` may await as it goes.
 */
export function asUser<const Q extends readonly Statement[]>(
  context: AppLoadContext,
  who: string | UserClaim,
  work: (tx: Tx) => Q,
): Promise<Results<Q>>;
export function asUser<T>(
  context: AppLoadContext,
  who: string | UserClaim,
  work: (tx: Tx) => Promise<T> | Statement<T>,
): Promise<T>;
export async function asUser(
  context: AppLoadContext,
  who: string | UserClaim,
  work: Work<unknown>,
) {
  const claim = typeof who === 'string' ? null : who;
  const id = claim ? claim.id : (who as string);
  const check = claim
    ? claim.check
    : sql`select ${id}::uuid as id, null::text as email, null::boolean as has_password`;
  // Noted before connecting, so that the root loader's check, a turn later, finds it.
  const answer = claim ? noteCheck(context, claim) : () => {};
  const outcome = await pipelinedTransaction<unknown, Who>(
    context.db.$client,
    // An async work for a claim waits for the claim to hold before it starts (see the pipeline).
    { prepare: PREPARE, admits: claim ? ([row]) => Boolean(row?.id) : undefined },
    setupStatement(
      sql`select * from (${check}) as claimed where claimed.id = ${id}::uuid`,
      context.config.statementTimeoutMs,
    ),
    work,
    answer,
  ).catch((error: unknown) => {
    // Marked handled here: the answer may have no one waiting on it (no claim, or a second check).
    const failed = Promise.reject(error);
    failed.catch(() => {});
    answer(failed);
    return unavailableAs503(error);
  });
  if (claim && outcome.setup && !outcome.setup[0]?.id) throw claim.signedOut();
  if (!outcome.ok) unavailableAs503(outcome.error);
  return outcome.result;
}

/** Checks `claim` on its own (one round trip), unless this request already has. */
export function checkClaim(context: AppLoadContext, claim: SessionClaim) {
  const earlier = checkedClaim(context, claim);
  if (earlier) return earlier;
  return asUser(context, { ...claim, signedOut: () => new SessionEnded() }, () => []).then(
    () => checkedClaim(context, claim)!,
    (error: unknown) => {
      if (error instanceof SessionEnded) return null;
      throw error;
    },
  );
}

/**
 * Runs `work` in one transaction as the server's own role (auth bookkeeping, never user data
 * reads). As with asUser, statements handed back unawaited (one, or an array) cost one round trip.
 */
export function asServer<const Q extends readonly Statement[]>(
  context: AppLoadContext,
  work: (tx: Tx) => Q,
): Promise<Results<Q>>;
export function asServer<T>(
  context: AppLoadContext,
  work: (tx: Tx) => Promise<T> | Statement<T>,
): Promise<T>;
export async function asServer(context: AppLoadContext, work: Work<unknown>) {
  const outcome = await pipelinedTransaction<unknown, unknown>(
    context.db.$client,
    { prepare: PREPARE },
    sql`select set_config('statement_timeout', ${String(context.config.statementTimeoutMs)}, true)`,
    work,
  ).catch(unavailableAs503);
  if (!outcome.ok) unavailableAs503(outcome.error);
  return outcome.result;
}

/** Whom domain code acts for: a user id the server trusts, or a request's claim for asUser to check. */
export type Person = string | UserClaim;

/** The user id of a Person, for the `where user_id = …` every query keeps beside RLS. */
export const personId = (who: Person) => (typeof who === 'string' ? who : who.id);

/**
 * Runs `work` as the owner of the private calendar feed whose token hashes to `tokenHash`, under
 * the same RLS as asUser, or returns null when no feed has that hash. The feed has no session: a
 * narrowly granted function (migrations/0015) turns the hash into an owner id and nothing else,
 * and that id becomes the transaction's JWT subject in its first statement. The work's statements
 * are built before that answer comes back (one round trip in all), so they name the owner as
 * `owner`, the SQL for "the person this transaction runs for"; without an owner they are refused.
 */
export async function asCalendarOwner<const Q extends readonly Statement[]>(
  context: AppLoadContext,
  tokenHash: string,
  work: (tx: Tx, owner: SQL) => Q,
): Promise<Results<Q> | null> {
  const owner = sql`select found.owner as id, null::text as email, null::boolean as has_password
    from jobtrack.calendar_feed_owner(${tokenHash}) as found(owner)
    where found.owner is not null`;
  const outcome = await pipelinedTransaction<Results<Q>, Who>(
    context.db.$client,
    { prepare: PREPARE },
    setupStatement(owner, context.config.statementTimeoutMs),
    (tx) => work(tx, sql`auth.uid()`),
  ).catch(unavailableAs503);
  if (outcome.setup && !outcome.setup[0]?.id) return null;
  if (!outcome.ok) unavailableAs503(outcome.error);
  return outcome.result;
}
