import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';

/**
 * No schema is given to drizzle: the app builds its queries from the tables (db/schema.ts) and
 * never uses the relational `db.query` API, whose set-up drizzle would otherwise redo for every
 * request's client.
 */
export type Database = PostgresJsDatabase & { $client: Sql };

export interface DbHandle {
  db: Database;
  /** Ends the connections once in-flight queries finish; pass to ctx.waitUntil. */
  close: () => Promise<void>;
}

/**
 * Unnamed statements, not named prepared ones: a Worker's client lives for one request, so a named
 * statement is never used twice, and unnamed ones pipeline exactly as well (measured; see
 * docs/decisions/011-one-round-trip-per-page.md) and work through any pooler.
 */
export const PREPARE = false;

/**
 * At most one postgres.js client per request, made when a loader first asks (load-context.ts),
 * never a module-level singleton on Workers. `extra` is for tests only (a socket of their own).
 */
export function createDb(
  connectionString: string,
  extra: Partial<postgres.Options<Record<string, never>>> = {},
): DbHandle {
  const client = postgres(connectionString, {
    max: 5,
    fetch_types: false,
    prepare: PREPARE,
    connect_timeout: 5,
    idle_timeout: 10,
    // A pipelined transaction sends its whole flight at once (db/pipeline.ts). Beyond max_pipeline
    // (100 by default) postgres.js holds statements back in the reservation's own queue (as it
    // does when Node's socket pushes back), costing a round trip each time it drains; a closed
    // connection never settled them until patched (review M1). Flights are bounded by what the app
    // builds: the largest, a 5 MB JSON import, is a few hundred statements.
    // (An option postgres.js reads but its types leave out.)
    ...({ max_pipeline: Number.MAX_SAFE_INTEGER } as object),
    onnotice: () => {},
    ...extra,
  });
  return {
    db: drizzle(client),
    close: () => client.end({ timeout: 5 }),
  };
}
