// What guest mode checks its stored data with when storage.ts cannot trust the text (edited by
// hand, saved by another release, or before marks) and before every write: the storage's
// migrations and the export format's zod schema. Loaded only then, so a guest page opens without
// zod (docs/decisions/038).
import { ExportSchema, type ExportDocument } from '~/portability/format';

export { ExportSchema };

/** Upgrades stored data by one version: MIGRATIONS[n] turns version n into n + 1. */
export type Migration = (data: unknown) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1 to 2: guest mode gained events and follow-up dates. Version 1 wrote every application
 * with `events: []` and `followUpOn: null`, but a backup imported then could bring its own, which
 * are kept; anything missing is filled in. A tab still running version 1 then reads the data as
 * newer and asks for a reload, instead of showing applications without their dates.
 */
export function eventsAndFollowUps(data: unknown): unknown {
  if (!isRecord(data) || !Array.isArray(data.applications)) return data;
  return {
    ...data,
    applications: data.applications.map((a: unknown) =>
      isRecord(a) ? { ...a, events: a.events ?? [], followUpOn: a.followUpOn ?? null } : a,
    ),
  };
}

export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: eventsAndFollowUps };

/** The stored data as the schema reads it, or why it cannot be used. */
export type Checked =
  { ok: true; document: ExportDocument } | { ok: false; problem: 'corrupt' | 'newer' };

/** Reads the text as stored data: migrated from its version to `currentVersion`, then validated. */
export function checkStored(
  raw: string,
  currentVersion: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): Checked {
  const corrupt = { ok: false as const, problem: 'corrupt' as const };
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return corrupt;
  }
  if (typeof envelope !== 'object' || envelope === null) return corrupt;
  const { version, data } = envelope as { version?: unknown; data?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return corrupt;
  if (version > currentVersion) return { ok: false, problem: 'newer' };
  let upgraded = data;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations[v];
    if (!step) return corrupt;
    try {
      upgraded = step(upgraded);
    } catch {
      return corrupt;
    }
  }
  const parsed = ExportSchema.safeParse(upgraded);
  return parsed.success ? { ok: true, document: parsed.data } : corrupt;
}
