// A guest form's clientAction: fetch the form's handling (handling.ts), then run it. A browser
// keeps a failed module fetch for the page's life, so a guest who lost the connection before guest
// mode fetched it (preload.tsx) gets a refusal beside the form that keeps what they typed, not an
// error page that loses it.
import { parse } from '@conform-to/react';
import type { FormReply } from '~/components/forms';
import { loadHandling } from './handling';

/** Said above a form whose handling could not be fetched. */
export const HANDLING_NOT_LOADED =
  'Nothing was saved: JobTrack could not load what it needs to save this form, perhaps because the connection dropped. What you typed is still here: copy anything long, then reload the page and try again.';

/** Said beside an event's Delete button when deleting it could not be loaded. */
export const DELETE_NOT_LOADED =
  'The date was not deleted: JobTrack could not load what it needs to delete it. Reload the page and try again.';

/** Said above the follow-up form when Remove could not be loaded. */
export const REMOVE_NOT_LOADED =
  'The follow-up date was not removed: JobTrack could not load what it needs to remove it. Reload the page and try again.';

/** Said beside the file field when reading a backup could not be loaded. */
export const IMPORT_NOT_LOADED =
  'Nothing was imported: JobTrack could not load what it needs to read the file. Reload the page and choose the file again.';

/**
 * A refusal keeping the values sent: `message` above the form, or beside `field` (which Conform
 * then focuses). A file field's value is not sent back: a browser cannot refill one.
 */
export function notLoaded(
  formData: FormData | URLSearchParams,
  { message = HANDLING_NOT_LOADED, field = '' }: { message?: string; field?: string } = {},
): FormReply {
  const hideFields = formData.get(field) instanceof File ? [field] : undefined;
  return parse(formData, { resolve: () => ({ error: { [field]: [message] } }) }).reply({
    hideFields,
  });
}

/**
 * Runs `save` with the handling `load` fetches. When the fetch fails, answers `refuse`'s refusal
 * for the form sent, or by default `notLoaded`'s. `sent` is the request, its body still unread,
 * or its form data when the clientAction has read it already.
 */
export function withHandling<Handling, Answer>(
  sent: Request | FormData,
  load: () => Promise<Handling>,
  save: (handling: Handling) => Answer | Promise<Answer>,
): Promise<Answer | FormReply>;
export function withHandling<Handling, Answer, Refusal>(
  sent: Request | FormData,
  load: () => Promise<Handling>,
  save: (handling: Handling) => Answer | Promise<Answer>,
  refuse: (formData: FormData) => Refusal,
): Promise<Answer | Refusal>;
export async function withHandling<Handling, Answer, Refusal>(
  sent: Request | FormData,
  load: () => Promise<Handling>,
  save: (handling: Handling) => Answer | Promise<Answer>,
  refuse: (formData: FormData) => Refusal | FormReply = (formData) => notLoaded(formData),
) {
  const handling = await loadHandling(load);
  if (handling) return save(handling);
  return refuse(sent instanceof FormData ? sent : await sent.formData());
}
