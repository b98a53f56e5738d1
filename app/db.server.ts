import type { AppLoadContext } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client';
import { loggable } from '~/http/loggable';

/** A transaction handle: what `asUser` and `asServer` callbacks receive. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

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

/** The calm 503 that the root error boundary renders when the database cannot be reached. */
export function databaseUnavailable(): Response {
  return new Response('The database is not answering right now.', {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Retry-After': '30' },
  });
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isUnavailable(error)) {
      console.warn('Database unavailable:', loggable(error));
      throw databaseUnavailable();
    }
    throw error;
  }
}

/**
 * Runs `work` in one transaction as role `authenticated` with `userId` as the JWT subject, so
 * row-level security limits every query to that person's rows even without a `where user_id`.
 */
export function asUser<T>(context: AppLoadContext, userId: string, work: (tx: Tx) => Promise<T>) {
  const claims = JSON.stringify({ sub: userId, role: 'authenticated' });
  const timeout = String(context.config.statementTimeoutMs);
  return guard(() =>
    context.db.transaction(async (tx) => {
      // One round trip for all the setup; `true` scopes each setting to this transaction.
      await tx.execute(
        sql`select set_config('request.jwt.claims', ${claims}, true),
                   set_config('role', 'authenticated', true),
                   set_config('statement_timeout', ${timeout}, true)`,
      );
      return work(tx);
    }),
  );
}

/** Runs `work` in one transaction as the server's own role (auth bookkeeping, never user data reads). */
export function asServer<T>(context: AppLoadContext, work: (tx: Tx) => Promise<T>) {
  const timeout = String(context.config.statementTimeoutMs);
  return guard(() =>
    context.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${timeout}, true)`);
      return work(tx);
    }),
  );
}

/** One statement as the server's own role, outside a transaction: one round trip (session lookups). */
export function serverQuery<T>(context: AppLoadContext, work: (db: Database) => Promise<T>) {
  return guard(() => work(context.db));
}

/**
 * Runs `work` as the owner of the private calendar feed whose token hashes to `tokenHash`, under
 * the same RLS as asUser, or returns null when no feed has that hash. The feed has no session: a
 * narrowly granted function (migrations/0014) turns the hash into an owner id and nothing else,
 * and that id becomes the transaction's JWT subject in the same statement, so the lookup costs no
 * round trip of its own.
 */
export function asCalendarOwner<T>(
  context: AppLoadContext,
  tokenHash: string,
  work: (tx: Tx, userId: string) => Promise<T>,
): Promise<T | null> {
  const timeout = String(context.config.statementTimeoutMs);
  return guard(() =>
    context.db.transaction(async (tx) => {
      // With no owner the claims name nobody (auth.uid() is null), and nothing more is asked.
      const [found] = await tx.execute<{ owner: string | null }>(
        sql`select set_config('request.jwt.claims',
                     json_build_object('sub', found.owner, 'role', 'authenticated')::text, true),
                   set_config('role', 'authenticated', true),
                   set_config('statement_timeout', ${timeout}, true),
                   found.owner
            from (select jobtrack.calendar_feed_owner(${tokenHash}) as owner) as found`,
      );
      const owner = found?.owner ?? null;
      return owner ? work(tx, owner) : null;
    }),
  );
}
