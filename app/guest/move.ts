// The move of a guest's applications into an account: the account's own import endpoint and
// format (/account/import, decision 024). Only this, after sign-in and on the person's explicit
// request, ever sends a guest's data to the server.
import { CONFIRM, EXPECTED_ACCOUNT, PREVIEW } from '~/portability/import-steps';
import type { ExportDocument } from '~/portability/format';
import { clearGuest, updateGuest } from './storage';

/** The import endpoint the move uses, the same as the account page's. */
export const IMPORT_PATH = '/account/import';

/** The guest's data as the upload the import's preview step takes. */
export function previewForm(document: ExportDocument): FormData {
  const form = new FormData();
  form.set('intent', PREVIEW);
  const text = JSON.stringify({ ...document, exportedAt: new Date().toISOString() });
  form.set('file', new File([text], 'jobtrack-guest.json', { type: 'application/json' }));
  return form;
}

export type MoveOutcome = 'saved' | 'signed-out' | 'refused' | 'failed';

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
 * After a saved move of `text`, removes from this browser only the applications it held, as it
 * held them: one added or edited in another tab since the check stays. The key goes only when
 * nothing is left. Returns how many applications were kept.
 */
export function removeMoved(text: string, storage?: Storage | null): number {
  const moved = new Map<string, string>();
  const sent = JSON.parse(text) as { applications?: Array<Held> };
  for (const a of sent.applications ?? []) {
    if (typeof a.id === 'string' && typeof a.updatedAt === 'string') moved.set(a.id, asHeld(a));
  }
  const left = updateGuest(
    (apps) => apps.filter((a) => moved.get(a.id) !== asHeld(a)),
    // Undefined takes the browser's storage, as updateGuest's default does.
    storage,
  ).applications.length;
  if (left === 0) clearGuest(storage);
  return left;
}
