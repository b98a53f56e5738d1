// The database half of ./versions.ts: an edit form's version compared in the UPDATE itself.
import { sql, type SQL } from 'drizzle-orm';

/** What an edit that carries its form's version did: saved, no such row of theirs, or refused. */
export type VersionedWrite = 'saved' | 'missing' | { newer: string };

/**
 * A row's `updated_at` as the ISO text a loader sends (`Date#toISOString`: milliseconds, UTC), so
 * that the version an edit form carries compares as text.
 */
export const versionOf = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A WHERE condition: the row is still the version the form opened (any version without one). */
export const unchangedSince = (column: SQL, opened: string | null) =>
  opened ? sql`${versionOf(column)} = ${opened}` : undefined;
