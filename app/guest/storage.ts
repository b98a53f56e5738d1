// Guest mode's one storage module: every read and write of a guest's data goes through here.
// The data is a JobTrack export document (decision 024) in an envelope that carries the storage
// version; it is validated on every read with the export format's own zod schema. Each write
// reads the stored text again and changes only the records it means to, so two tabs never
// overwrite each other's work (docs/decisions/025).
import {
  ExportSchema,
  FORMAT_NAME,
  FORMAT_VERSION,
  type ExportDocument,
  type ExportedApplication,
} from '~/portability/format';
import { GUEST_KEY } from './mode';

/** The envelope's version: raise it, and add a migration, whenever the stored shape changes. */
export const STORAGE_VERSION = 2;

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

/** Why a guest's data cannot be used right now. */
export type GuestProblem = 'corrupt' | 'newer' | 'unavailable';

export type GuestRead =
  | { ok: true; document: ExportDocument }
  | { ok: false; problem: GuestProblem; message: string; raw: string | null };

/** A write that did not happen; the message says why and what to do. Nothing was changed. */
export class GuestStorageError extends Error {
  constructor(
    readonly problem: GuestProblem | 'full' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'GuestStorageError';
  }
}

export const MESSAGES = {
  unavailable:
    'This browser is not letting JobTrack keep data (some private windows block it), so guest mode cannot save anything here. Create an account, or use a normal window.',
  invalid:
    'This change was not saved: it would leave data guest mode cannot read back. What you typed is still here; check the fields and try again.',
  full: 'This browser has no room left for JobTrack’s data, so this change was not saved. What you typed is still here: export your data, then remove some applications or create an account.',
  corrupt:
    'The guest data kept in this browser cannot be read: it may have been edited by hand. Nothing has been changed or deleted.',
  newer:
    'The guest data in this browser was saved by a newer version of JobTrack. Reload the page to get the newer version; nothing has been changed.',
} as const;

/**
 * The browser's localStorage, or null where it is blocked. Nothing is written to find out: a
 * probe write fails on a nearly full storage, which would then read as blocked and hide the data
 * (and its export) that is still there. A storage that refuses writes says so at the first save.
 */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    // Blocked outright (site data turned off): reading the property throws a SecurityError.
    return null;
  }
}

/** An empty guest document, as of `now`. */
export function emptyDocument(now = new Date()): ExportDocument {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    applications: [],
    statements: [],
    settings: { ghostAfterWeeks: null },
  };
}

// Parsing a thousand applications costs milliseconds; the text is the same until a write, so the
// last result is kept.
let cache: { raw: string; document: ExportDocument } | null = null;

/** Reads the text as stored data: migrated to the current version, then validated. */
export function parseStored(
  raw: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  currentVersion = STORAGE_VERSION,
): GuestRead {
  if (cache?.raw === raw && migrations === MIGRATIONS)
    return { ok: true, document: cache.document };
  const corrupt = {
    ok: false as const,
    problem: 'corrupt' as const,
    message: MESSAGES.corrupt,
    raw,
  };
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return corrupt;
  }
  if (typeof envelope !== 'object' || envelope === null) return corrupt;
  const { version, data } = envelope as { version?: unknown; data?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return corrupt;
  if (version > currentVersion)
    return { ok: false, problem: 'newer', message: MESSAGES.newer, raw };
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
  if (!parsed.success) return corrupt;
  if (migrations === MIGRATIONS) cache = { raw, document: parsed.data };
  return { ok: true, document: parsed.data };
}

/** The guest's data as stored now (an empty document when there is none yet). */
export function readGuest(storage: Storage | null = browserStorage()): GuestRead {
  if (!storage)
    return { ok: false, problem: 'unavailable', message: MESSAGES.unavailable, raw: null };
  let raw: string | null;
  try {
    raw = storage.getItem(GUEST_KEY);
  } catch {
    return { ok: false, problem: 'unavailable', message: MESSAGES.unavailable, raw: null };
  }
  if (raw === null) return { ok: true, document: emptyDocument() };
  return parseStored(raw);
}

/** The stored text itself, for the download offered when it cannot be read. */
export function readRaw(storage: Storage | null = browserStorage()): string | null {
  try {
    return storage?.getItem(GUEST_KEY) ?? null;
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false;
  return (
    error.name === 'QuotaExceededError' ||
    error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    error.code === 22 ||
    error.code === 1014
  );
}

/**
 * Applies `change` to the applications as stored at this moment (read again, never from a copy
 * held since the page loaded) and saves the result. Throws GuestStorageError, having saved
 * nothing, when the data cannot be read or the browser refuses the write.
 */
export function updateGuest(
  change: (applications: ExportedApplication[]) => ExportedApplication[],
  storage: Storage | null = browserStorage(),
  now = new Date(),
): ExportDocument {
  const current = readGuest(storage);
  if (!current.ok) throw new GuestStorageError(current.problem, current.message);
  const document: ExportDocument = {
    ...current.document,
    exportedAt: now.toISOString(),
    applications: change(current.document.applications),
  };
  // Every read validates with ExportSchema, so a write it would refuse would lock the whole store
  // as corrupt: refuse the write instead, with the stored data untouched.
  const checked = ExportSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const detail = issue ? ` (${issue.path.join('.')}: ${issue.message})` : '';
    throw new GuestStorageError('invalid', `${MESSAGES.invalid}${detail}`);
  }
  const raw = JSON.stringify({ version: STORAGE_VERSION, data: document });
  try {
    storage!.setItem(GUEST_KEY, raw);
  } catch (error) {
    if (isQuotaError(error)) throw new GuestStorageError('full', MESSAGES.full);
    throw new GuestStorageError('unavailable', MESSAGES.unavailable);
  }
  return document;
}

/** Removes every trace of the guest's data from this browser. */
export function clearGuest(storage: Storage | null = browserStorage()) {
  cache = null;
  try {
    storage?.removeItem(GUEST_KEY);
  } catch {
    // Blocked storage holds nothing of ours to remove.
  }
}

/** Calls `onChange` when another tab changes the guest's data; returns the unsubscribe. */
export function onGuestChange(onChange: () => void): () => void {
  const listener = (event: StorageEvent) => {
    // key is null when another tab cleared all of this site's storage.
    if (event.key === GUEST_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
