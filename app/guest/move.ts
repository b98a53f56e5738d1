// The move of a guest's applications into an account: the account's own import endpoint and
// format (/account/import, decision 024). Only this, after sign-in and on the person's explicit
// request, ever sends a guest's data to the server.
import { CONFIRM, EXPECTED_ACCOUNT, PREVIEW } from '~/portability/import-steps';
import { clearGuest } from './storage';
import { updateGuest } from './save';

/** The import endpoint the move uses, the same as the account page's. */
export const IMPORT_PATH = '/account/import';

/** One of the move's texts (move-batches.ts) as the upload the import's preview step takes. */
export function previewForm(text: string): FormData {
  const form = new FormData();
  form.set('intent', PREVIEW);
  form.set('file', new File([text], 'jobtrack-guest.json', { type: 'application/json' }));
  return form;
}

/** `full`: the account would pass its 10,000 applications (the import answers 409). */
export type MoveOutcome = 'saved' | 'signed-out' | 'refused' | 'full' | 'failed';

/**
 * Confirms the move's texts one after another, stopping at the first not saved: its outcome, and
 * how many were saved before it (all of them when the outcome is 'saved').
 */
export async function confirmBatches(
  texts: string[],
  accountId: string,
  doFetch: typeof fetch = fetch,
): Promise<{ outcome: MoveOutcome; saved: number }> {
  let saved = 0;
  for (const text of texts) {
    const outcome = await confirmMove(text, accountId, doFetch);
    if (outcome !== 'saved') return { outcome, saved };
    saved += 1;
  }
  return { outcome: 'saved', saved };
}

/**
 * Sends the confirmation step, exactly as the account's preview page does. The import answers
 * a saved import with a redirect to the list; anything else (a refusal, sign-in) is not saved.
 */
export async function confirmMove(
  text: string,
  accountId: string,
  doFetch: typeof fetch = fetch,
): Promise<MoveOutcome> {
  const form = new FormData();
  form.set('intent', CONFIRM);
  form.set('data', text);
  // The server refuses the move if the session is no longer the account the preview showed.
  form.set(EXPECTED_ACCOUNT, accountId);
  let response: Response;
  try {
    response = await doFetch(IMPORT_PATH, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    return 'failed';
  }
  const landed = new URL(response.url, location.href).pathname;
  if (response.redirected && landed === '/applications') return 'saved';
  if (response.redirected && landed === '/signin') return 'signed-out';
  if (response.status === 409) return 'full';
  return response.status === 400 ? 'refused' : 'failed';
}

type Held = { id?: unknown; updatedAt?: unknown; events?: unknown };

// An application as held: its updated time, and its events' (a date added or changed leaves the
// application's own time alone, as in an account, and must not go with a move that never saw it).
function asHeld(a: Held): string {
  const events = Array.isArray(a.events)
    ? (a.events as Array<{ id?: unknown; updatedAt?: unknown }>)
    : [];
  return JSON.stringify([a.updatedAt, events.map((e) => [e.id, e.updatedAt])]);
}

/**
 * After a saved move of `texts`, removes from this browser only the applications they held, as
 * they held them: one added or edited in another tab since the check stays. The key goes only when
 * nothing is left. Returns how many applications were kept.
 */
export async function removeMoved(texts: string[], storage?: Storage | null): Promise<number> {
  const moved = new Map<string, string>();
  for (const text of texts) {
    const sent = JSON.parse(text) as { applications?: Array<Held> };
    for (const a of sent.applications ?? []) {
      if (typeof a.id === 'string' && typeof a.updatedAt === 'string') moved.set(a.id, asHeld(a));
    }
  }
  const { applications } = await updateGuest(
    (apps) => apps.filter((a) => moved.get(a.id) !== asHeld(a)),
    // Undefined takes the browser's storage, as updateGuest's default does.
    storage,
  );
  const left = applications.length;
  if (left === 0) clearGuest(storage);
  return left;
}
