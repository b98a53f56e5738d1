import type { AppLoadContext } from '@remix-run/cloudflare';
import { parseWithZod } from '@conform-to/zod';
import type { SubmissionResult } from '@conform-to/react';
import { changeStatus } from './mutations.server';
import { ApplicationSchema, isUuid, StatusChangeSchema } from './application-schema';

/**
 * The answer for an id that is not one of the person's applications. Malformed ids, other people's
 * ids and deleted ones all look the same, so an id's existence is never revealed.
 */
export function notFound(): Response {
  return new Response('Not found', { status: 404, statusText: 'Not Found' });
}

/** Throws 404 unless `id` is a well-formed uuid; returns it typed. */
export function requireUuid(id: unknown): string {
  if (!isUuid(id)) throw notFound();
  return id;
}

/**
 * Applies a one-step status change from a submitted form. Returns null when done, or Conform's
 * reply for an invalid status (to answer 400); throws 404 for an id that is not the person's.
 */
export async function applyStatusChange(
  context: AppLoadContext,
  userId: string,
  id: unknown,
  formData: FormData,
): Promise<SubmissionResult<string[]> | null> {
  const appId = requireUuid(id);
  const submission = parseWithZod(formData, { schema: StatusChangeSchema });
  if (submission.status !== 'success') return submission.reply();
  if (!(await changeStatus(context, userId, appId, submission.value.status))) throw notFound();
  return null;
}

const SIGNED_OUT =
  'You have been signed out, so this was not saved. Sign in again in another tab, then come back ' +
  'and press Save again: what you typed is still here.';

/**
 * The answer (for a 401) when an application form arrives after the session ended: the typed
 * values go back with a message instead of a redirect that would throw them away.
 */
export function signedOutReply(formData: FormData): SubmissionResult<string[]> {
  return parseWithZod(formData, { schema: ApplicationSchema }).reply({ formErrors: [SIGNED_OUT] });
}
