import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;

export interface DbHandle {
  db: Database;
  /** Ends the connections once in-flight queries finish; pass to ctx.waitUntil. */
  close: () => Promise<void>;
}

/**
 * One postgres.js client per request (never a module-level singleton on Workers). `extra` is for
 * tests only (a socket of their own, say).
 */
export function createDb(
  connectionString: string,
  extra: Partial<postgres.Options<Record<string, never>>> = {},
): DbHandle {
  const client = postgres(connectionString, {
    max: 5,
    fetch_types: false,
    prepare: true,
    connect_timeout: 5,
    idle_timeout: 10,
    onnotice: () => {},
    ...extra,
  });
  return {
    db: drizzle(client, { schema, casing: undefined }),
    close: () => client.end({ timeout: 5 }),
  };
}
