// Guest mode's storage: every read of a guest's data goes through here, every write through
// save.ts. The data is a JobTrack export document (decision 024) in an envelope that carries the
// storage version. A read trusts text that this release checked and marked (a save's, or a read's
// of text that is already the schema's output), and checks any other text (edited by hand, saved
// by another release, or before marks) with the export schema, which loads only then
// (checks.ts), so a guest page opens without zod (docs/decisions/025 and 038).
import type { ExportDocument } from '~/portability/format';
import type { Checked } from './checks';
import { FORMAT_NAME, FORMAT_VERSION } from '~/portability/format-limits';
import { GUEST_KEY } from './mode';

/** Where the mark of the last text checked (a checksum, with the release that checked it) is kept. */
export const CHECKED_KEY = `${GUEST_KEY}-checked`;

type Checks = typeof import('./checks');
let checks: Checks | null = null;

/** The checks (checks.ts, with zod), fetched the first time something needs checking. */
export async function loadGuestChecks(): Promise<Checks> {
  checks ??= await import('./checks');
  return checks;
}

/**
 * The text's length and two 32-bit hashes of it (FNV-1a, and the same walk with another
 * multiplier): any edit by hand changes it, all but surely. It guards against accidents, not
 * forgery: a page that could forge it could as well write valid data.
 */
export function checksum(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return `${text.length}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/**
 * The release running in this browser: the version of Remix's manifest, a hash that changes with
 * any change to the browser's code (the schema included). Empty outside a built page (tests).
 */
function release(): string {
  return (globalThis as { __remixManifest?: { version?: string } }).__remixManifest?.version ?? '';
}

/**
 * What is kept beside text this release has checked. Tied to the release, so that a schema
 * changed since (or an older tab's) checks the text again instead of trusting another's check.
 */
export function checkedMark(raw: string): string {
  return `${release()}:${checksum(raw)}`;
}

/** The envelope's version: raise it, and add a migration, whenever the stored shape changes. */
export const STORAGE_VERSION = 2;

/** Why a guest's data cannot be used right now. */
export type GuestProblem = 'corrupt' | 'newer' | 'unavailable' | 'not-loaded';

export type GuestRead =
  | { ok: true; document: ExportDocument }
  | { ok: false; problem: GuestProblem; message: string; raw: string | null };

export const MESSAGES = {
  unavailable:
    'This browser is not letting JobTrack keep data (some private windows block it), so guest mode cannot save anything here. Create an account, or use a normal window.',
  corrupt:
    'The guest data kept in this browser cannot be read: it may have been edited by hand. Nothing has been changed or deleted.',
  'not-loaded':
    'JobTrack could not load what it needs to open the guest data kept in this browser: check your connection, then reload the page. Nothing has been changed.',
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

/** What checks.ts found, with the message to show for a problem. */
function withMessage(raw: string, found: Checked): GuestRead {
  return found.ok
    ? found
    : { ok: false, problem: found.problem, message: MESSAGES[found.problem], raw };
}

/**
 * The document this release checked as exactly this text (a write stores the schema's own output,
 * and a read the text it checked), at the current version, so it needs no second check. Null for
 * anything else.
 */
function trustedDocument(raw: string, mark: string | null): ExportDocument | null {
  if (mark === null || mark !== checkedMark(raw)) return null;
  try {
    const envelope = JSON.parse(raw) as { version?: unknown; data?: ExportDocument };
    return envelope.version === STORAGE_VERSION && envelope.data ? envelope.data : null;
  } catch {
    return null;
  }
}

/**
 * The guest's data as stored at this moment, read synchronously. Null when the text needs the
 * export schema's check and `loaded` is null (the schema not fetched yet).
 */
export function readStored(storage: Storage | null, loaded: Checks): GuestRead;
export function readStored(storage: Storage | null, loaded: Checks | null): GuestRead | null;
export function readStored(storage: Storage | null, loaded: Checks | null): GuestRead | null {
  const unavailable = {
    ok: false as const,
    problem: 'unavailable' as const,
    message: MESSAGES.unavailable,
    raw: null,
  };
  if (!storage) return unavailable;
  let raw: string | null;
  let mark: string | null;
  try {
    raw = storage.getItem(GUEST_KEY);
    mark = storage.getItem(CHECKED_KEY);
  } catch {
    return unavailable;
  }
  if (raw === null) return { ok: true, document: emptyDocument() };
  if (cache?.raw === raw) return { ok: true, document: cache.document };
  const trusted = trustedDocument(raw, mark);
  if (trusted) {
    cache = { raw, document: trusted };
    return { ok: true, document: trusted };
  }
  if (!loaded) return null;
  const read = withMessage(raw, loaded.checkStored(raw, STORAGE_VERSION));
  if (!read.ok) return read;
  cache = { raw, document: read.document };
  // Text that is already the schema's own output at this version (written by another release's
  // tab, say) is marked, so the next page need not load the schema for it. Any other text (an
  // older version, missing defaults, untrimmed values) is not: trusting it would skip what the
  // check adds. In the same step as the read, so only this text can be marked; a browser that
  // refuses the mark (full storage) reads as before.
  if (JSON.stringify({ version: STORAGE_VERSION, data: read.document }) === raw) {
    try {
      storage.setItem(CHECKED_KEY, checkedMark(raw));
    } catch {
      // The next read checks it again.
    }
  }
  return read;
}

/** The guest's data as stored now (an empty document when there is none yet). */
export async function readGuest(storage: Storage | null = browserStorage()): Promise<GuestRead> {
  const now = readStored(storage, checks);
  if (now) return now;
  let loaded: Checks;
  try {
    loaded = await loadGuestChecks();
  } catch {
    // Offline before guest mode preloaded them: a browser keeps the failed fetch for the page's life.
    const raw = readRaw(storage);
    return { ok: false, problem: 'not-loaded', message: MESSAGES['not-loaded'], raw };
  }
  return readStored(storage, loaded);
}

/**
 * The guest's data as stored now, for a render that cannot wait (an error page): null when it
 * would need the schema, which has not loaded yet.
 */
export function readGuestNow(storage: Storage | null = browserStorage()): GuestRead | null {
  return readStored(storage, checks);
}

/** Keeps what a checked write stored, so the next read need not parse it again (save.ts). */
export function rememberSaved(raw: string, document: ExportDocument) {
  cache = { raw, document };
}

/** The stored text itself, for the download offered when it cannot be read. */
export function readRaw(storage: Storage | null = browserStorage()): string | null {
  try {
    return storage?.getItem(GUEST_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Removes every trace of the guest's data from this browser. */
export function clearGuest(storage: Storage | null = browserStorage()) {
  cache = null;
  try {
    storage?.removeItem(GUEST_KEY);
    storage?.removeItem(CHECKED_KEY);
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
