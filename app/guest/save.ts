// Every change to a guest's data: read again as stored at that moment, changed, checked with the
// export format's schema (checks.ts, fetched at the first change), and saved with the mark that
// lets later reads trust the text (storage.ts).
import type { ExportDocument, ExportedApplication } from '~/portability/format';
import { GUEST_KEY } from './mode';
import {
  browserStorage,
  CHECKED_KEY,
  checkedMark,
  loadGuestChecks,
  MESSAGES,
  readStored,
  rememberSaved,
  STORAGE_VERSION,
  type GuestProblem,
} from './storage';

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

const SAVE_MESSAGES = {
  invalid:
    'This change was not saved: it would leave data guest mode cannot read back. What you typed is still here; check the fields and try again.',
  notLoaded:
    'This change was not saved: JobTrack could not load what it needs to check it. What you typed is still here; reload the page and try again.',
  full: 'This browser has no room left for JobTrack’s data, so this change was not saved. What you typed is still here: export your data, then remove some applications or create an account.',
};

/**
 * Fetches the storage's checks before a change reads the record it will change, so that nothing
 * waits between that read and the write (another tab could save in a wait). Called first by
 * every change that reads before it writes; a failure shows at updateGuest.
 */
export async function prepareToSave(): Promise<void> {
  await loadGuestChecks().catch(() => {});
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
export async function updateGuest(
  change: (applications: ExportedApplication[]) => ExportedApplication[],
  storage: Storage | null = browserStorage(),
  now = new Date(),
): Promise<ExportDocument> {
  const checks = await loadGuestChecks().catch(() => {
    // Offline before guest mode preloaded them: a browser keeps the failed fetch for the page's life.
    throw new GuestStorageError('not-loaded', SAVE_MESSAGES.notLoaded);
  });
  // From here to the write nothing waits, so another tab's save cannot fall in between.
  const current = readStored(storage, checks);
  if (!current.ok) throw new GuestStorageError(current.problem, current.message);
  const document: ExportDocument = {
    ...current.document,
    exportedAt: now.toISOString(),
    applications: change(current.document.applications),
  };
  // A read checks any text it cannot trust with ExportSchema, so a write it would refuse would lock
  // the whole store as corrupt: refuse the write instead, with the stored data untouched.
  const checked = checks.ExportSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const detail = issue ? ` (${issue.path.join('.')}: ${issue.message})` : '';
    throw new GuestStorageError('invalid', `${SAVE_MESSAGES.invalid}${detail}`);
  }
  // The schema's output is stored, so a later read may take the text as it is.
  const raw = JSON.stringify({ version: STORAGE_VERSION, data: checked.data });
  try {
    storage!.setItem(GUEST_KEY, raw);
  } catch (error) {
    if (isQuotaError(error)) throw new GuestStorageError('full', SAVE_MESSAGES.full);
    throw new GuestStorageError('unavailable', MESSAGES.unavailable);
  }
  try {
    storage!.setItem(CHECKED_KEY, checkedMark(raw));
  } catch {
    // Saved without its mark (storage full to the last byte): the next read checks it in full.
  }
  rememberSaved(raw, checked.data);
  return checked.data;
}
