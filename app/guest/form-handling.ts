// A guest form's clientAction: fetch the form's handling (handling.ts), then run it. A browser
// keeps a failed module fetch for the page's life, so a guest who lost the connection before guest
// mode fetched it (preload.tsx) gets a refusal beside the form that keeps what they typed, not an
// error page that loses it.
import { parse } from '@conform-to/react';
import type { FormReply } from '~/components/forms';

/** Said above a form whose handling could not be fetched. */
export const HANDLING_NOT_LOADED =
  'Nothing was saved: JobTrack could not load what it needs to save this form. What you typed is still here. Reload the page and try again, and copy what you typed first if it is long.';

/** Said beside an event's Delete button when deleting it could not be loaded. */
export const DELETE_NOT_LOADED =
  'The date was not deleted: JobTrack could not load what it needs to delete it. Reload the page and try again.';

/** Said above the follow-up form when Remove could not be loaded. */
export const REMOVE_NOT_LOADED =
  'The follow-up date was not removed: JobTrack could not load what it needs to remove it. Reload the page and try again.';

/** Said beside the file field when reading a backup could not be loaded. */
export const IMPORT_NOT_LOADED =
  'Nothing was imported: JobTrack could not load what it needs to read the file. Reload the page and choose the file again.';

/** A refusal with `message` above the form, keeping the values sent (apart from `hideFields`). */
export function notLoaded(
  formData: FormData,
  message = HANDLING_NOT_LOADED,
  hideFields?: string[],
): FormReply {
  return parse(formData, { resolve: () => ({ error: { '': [message] } }) }).reply({ hideFields });
}

/**
 * Runs `save` with the handling `load` fetches. When the fetch fails, answers `refuse`'s refusal
 * for the form sent, or by default `notLoaded`'s: the request's body is still unread then.
 */
export function withHandling<Handling, Answer>(
  request: Request,
  load: () => Promise<Handling>,
  save: (handling: Handling) => Answer | Promise<Answer>,
): Promise<Answer | FormReply>;
export function withHandling<Handling, Answer, Refusal>(
  request: Request,
  load: () => Promise<Handling>,
  save: (handling: Handling) => Answer | Promise<Answer>,
  refuse: (formData: FormData) => Refusal,
): Promise<Answer | Refusal>;
export async function withHandling<Handling, Answer, Refusal>(
  request: Request,
  load: () => Promise<Handling>,
  save: (handling: Handling) => Answer | Promise<Answer>,
  refuse: (formData: FormData) => Refusal | FormReply = notLoaded,
) {
  let handling: Handling;
  try {
    handling = await load();
  } catch (error) {
    console.error('A guest form’s handling could not be fetched', error);
    return refuse(await request.formData());
  }
  return save(handling);
}
