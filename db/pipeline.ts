/**
 * One transaction, pipelined: BEGIN, a setup statement and the statements of the work go to the
 * database together, without waiting for each other's answers, on a connection reserved for it.
 * When the work hands back its statements as an array, COMMIT goes with them too: the whole
 * transaction costs one round trip. A work that awaits its statements one by one still works; it
 * pays a round trip per await and one for COMMIT.
 *
 * Pipelining needs the statements' parameters sent without first asking the server for their
 * types (postgres.js otherwise spends a round trip per statement on a fresh connection, which is
 * every connection on Workers): `inferParameterTypes`, added by patches/postgres+3.4.9.patch. The
 * server infers each parameter's type from the statement, as it does for libpq's PQexecParams.
 */
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import type { ReservedSql, Sql } from 'postgres';
import type { Database } from './client';

/** A statement not sent yet: any Drizzle query builder (select, insert, update, delete, execute). */
export interface Statement<T = unknown> {
  execute(): Promise<T>;
}

/** What an array of statements resolves to, position by position. */
export type Results<Q extends readonly Statement[]> = {
  -readonly [K in keyof Q]: Q[K] extends Statement<infer T> ? T : never;
};

export type Work<T> = (db: Database) => Promise<T> | Statement<T> | readonly Statement[];

// Scalars only: with no type from the server, postgres.js sends each parameter as text ('' + x),
// which is right for strings, numbers and booleans but not for arrays or objects.
function assertScalar(params: unknown[] | undefined) {
  for (const value of params ?? []) {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      throw new TypeError('A pipelined statement takes scalar parameters only');
    }
  }
}

/** Where a transaction stands: still open, ended by COMMIT or ROLLBACK, or its connection lost. */
type State = 'open' | 'ended' | 'lost';

/** The refusal of a statement sent once the transaction is over (coded as lost when it was). */
function refusal(state: State) {
  const error = new Error('This transaction is over: nothing more is sent');
  // Coded as postgres.js codes a closed connection, so that it reads as the database being away.
  return state === 'lost' ? Object.assign(error, { code: 'CONNECTION_CLOSED' }) : error;
}

/**
 * A Drizzle database whose statements are sent the moment they are built, in that order, while
 * `state()` is open: after COMMIT or ROLLBACK, or once the connection is lost (postgres.js would
 * open a new one for it), a late statement is refused, never run outside the transaction as the
 * server's own role. Each statement's failure is shown to `failed` as well as to whoever awaits it.
 */
function pipelining(
  pool: Sql,
  connection: ReservedSql,
  prepare: boolean,
  state: () => State,
  failed: (error: unknown) => void,
): Database {
  const client = new Proxy(connection, {
    get(target, property, receiver) {
      // Drizzle reads the pool's options (its parsers); a reserved connection has none of its own.
      if (property === 'options') return pool.options;
      if (property !== 'unsafe') return Reflect.get(target, property, receiver);
      return (query: string, params?: unknown[], options?: object) => {
        const now = state();
        if (now !== 'open') return Promise.reject(refusal(now));
        assertScalar(params);
        const sent = target
          .unsafe(
            query,
            params as never,
            {
              ...options,
              prepare,
              inferParameterTypes: true,
            } as never,
          )
          .execute();
        sent.catch(failed);
        return sent;
      };
    },
  });
  return drizzle(client as unknown as Sql) as unknown as Database;
}

const isBatch = (value: unknown): value is readonly Statement[] => Array.isArray(value);

// A Drizzle query builder handed back unawaited (not a Promise: it runs when executed or awaited).
const isStatement = (value: unknown): value is Statement =>
  typeof (value as Statement | null)?.execute === 'function' && !(value instanceof Promise);

/** How a pipelined transaction ended: the setup's rows when it ran, and the work's result or error. */
export type Outcome<T, S> =
  { ok: true; setup: S[]; result: T } | { ok: false; setup: S[] | undefined; error: unknown };

/** The part of a postgres.js pool connection that a transaction watches (not in its types). */
type PoolConnection = { onclose: ((error: unknown) => void) | null };

// postgres.js's own codes for a connection that is gone, and Node's socket errors.
const GONE = /^(CONNECTION_(CLOSED|ENDED|DESTROYED)|E[A-Z]+)$/;

/** Whether `error` says the connection itself is gone (not that a statement failed on it). */
function connectionGone(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  if (typeof code === 'string' && GONE.test(code)) return true;
  // A FATAL error (the server terminating this backend, say) is the server's last word on it.
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && connectionGone(cause);
}

// An `async` function starts its work (and whatever it does besides the database) when called.
const isAsyncFunction = (fn: unknown) =>
  typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

function settle(settled: PromiseSettledResult<unknown>[]) {
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const values = settled.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
  return { failed, values };
}

/**
 * Runs `work` in one pipelined transaction that starts with `setup`, on a connection reserved for
 * it. Never rejects for a database error: the outcome says what failed (the first failure in
 * order, since a failed statement makes the later ones fail too). `onSetup` receives the setup's
 * rows as soon as they are asked for, so others can wait on them.
 *
 * With `admits`, an `async` work (which may do more than send statements, and starts when called)
 * runs only once the setup has answered and `admits` accepts its rows; otherwise the transaction
 * rolls back and the outcome carries the setup's rows. A work that hands back statements is built
 * at once and sent with the setup: the database refuses them itself when the setup did not admit.
 */
export async function pipelinedTransaction<T, S>(
  client: Sql,
  options: { prepare: boolean; admits?: (setup: S[]) => boolean },
  setup: SQL,
  work: Work<T>,
  onSetup: (rows: Promise<S[]>) => void = () => {},
): Promise<Outcome<T, S>> {
  const connection = await client.reserve();
  // A reserved connection whose socket closed must not be released: postgres.js would put the
  // dead connection back among its open ones, and the next query would write to a null socket.
  let gone = false;
  const noteGone = (error: unknown) => {
    if (connectionGone(error)) gone = true;
  };
  // A close while nothing is in flight fails no statement, and postgres.js may then reopen this
  // very connection for another transaction of the request, where the work's next statement would
  // run (review L1; porsager/postgres#1155). postgres.js tells a connection's `onclose` of any
  // close, as its own transactions use it; BEGIN's `onexecute` hands over the connection.
  let watched: PoolConnection | null = null;
  const onClose = () => {
    gone = true;
  };
  const watch = (c: PoolConnection) => {
    watched = c;
    c.onclose = onClose;
    return true; // more statements may follow on it at once
  };
  // Set once COMMIT or ROLLBACK is sent: the work's database then refuses anything more.
  let ended = false;
  const finish = (statement: SQL) => {
    const done = db.execute(statement).execute();
    ended = true;
    return done;
  };
  const state = (): State => (gone ? 'lost' : ended ? 'ended' : 'open');
  const db = pipelining(client, connection, options.prepare, state, noteGone);
  try {
    const begin = connection
      .unsafe('begin', [], { prepare: options.prepare, onexecute: watch } as object)
      .execute();
    const setupRows = db.execute(setup).execute() as Promise<unknown> as Promise<S[]>;
    onSetup(setupRows);
    begin.catch(noteGone);
    setupRows.catch(noteGone);
    if (options.admits && isAsyncFunction(work)) {
      const [b, s] = await Promise.allSettled([begin, setupRows]);
      const { failed, values } = settle([b!, s!]);
      const rows = values[1] as S[] | undefined;
      if (failed || !options.admits(rows!)) {
        if (!gone) await finish(sql`rollback`).catch(noteGone);
        const error = failed ? failed.reason : new Error('The setup did not admit the work');
        return { ok: false, setup: rows, error };
      }
    }
    let produced: ReturnType<Work<T>>;
    try {
      produced = work(db);
    } catch (error) {
      produced = Promise.reject(error);
    }
    if (options.admits && !isAsyncFunction(work) && produced instanceof Promise) {
      // It started before the setup answered: such a work must be `async` (or hand back statements).
      produced.catch(() => {});
      produced = Promise.reject(
        new TypeError('A work that awaits must be an async function when its setup can refuse'),
      );
    }
    const single = isStatement(produced);
    const batch: readonly Statement[] | null = single
      ? [produced as Statement]
      : isBatch(produced)
        ? produced
        : null;
    if (batch) {
      // COMMIT goes with the statements; on a transaction an error aborted, it rolls back.
      const statements: Promise<unknown>[] = [];
      try {
        for (const statement of batch) statements.push(statement.execute());
      } catch (error) {
        // A statement that could not be built (Drizzle throws while building): what was sent is
        // rolled back, so the connection never goes back to the pool inside this transaction.
        for (const sent of statements) sent.catch(() => {});
        const rollback = gone ? Promise.resolve() : finish(sql`rollback`);
        const settled = await Promise.allSettled([begin, setupRows, ...statements, rollback]);
        for (const r of settled) if (r.status === 'rejected') noteGone(r.reason);
        const setupValue = settled[1]!.status === 'fulfilled' ? settled[1]!.value : undefined;
        return { ok: false, setup: setupValue as S[] | undefined, error };
      }
      const commit = finish(sql`commit`);
      const settled = await Promise.allSettled([begin, setupRows, ...statements, commit]);
      for (const r of settled) if (r.status === 'rejected') noteGone(r.reason);
      const { failed, values } = settle(settled);
      const setupValue = values[1] as S[] | undefined;
      if (failed) return { ok: false, setup: setupValue, error: failed.reason };
      const results = values.slice(2, -1);
      return { ok: true, setup: setupValue!, result: (single ? results[0] : results) as T };
    }
    const [result] = await Promise.allSettled([produced as Promise<T>]);
    if (result!.status === 'rejected') noteGone(result!.reason);
    // On a closed connection there is nothing to end: the server has rolled it back already, so
    // a work that finished well did not commit (a close while it awaited nothing failed no statement).
    const end = gone
      ? Promise.reject(refusal('lost'))
      : finish(result!.status === 'fulfilled' ? sql`commit` : sql`rollback`);
    end.catch(noteGone);
    const [b, s, e] = await Promise.allSettled([begin, setupRows, end]);
    const { failed, values } = settle([b!, s!, result!, e!]);
    const setupValue = values[1] as S[] | undefined;
    if (failed) return { ok: false, setup: setupValue, error: failed.reason };
    return { ok: true, setup: setupValue!, result: values[2] as T };
  } finally {
    ended = true;
    const c = watched as PoolConnection | null;
    if (c?.onclose === onClose) c.onclose = null;
    if (!gone) connection.release();
  }
}
