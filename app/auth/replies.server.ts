import type { Submission } from '@conform-to/react';
import { invalid } from '~/components/forms/form.server';
import type { Limited } from './port';

/** "1 minute" / "4 minutes", rounded up: how long a limit has left, in words. */
export function minutesFrom(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const TOO_MANY_GUESSES = (wait: string) =>
  `Too many wrong passwords. Please wait ${wait} and try again.`;

/** Too many requests from one connection: it says nothing about any email address. */
export const BUSY = (wait: string) =>
  `Too many requests from your connection. Please wait ${wait} and try again.`;

/** The auth service did not answer: nothing changed, and what was typed is kept. */
export const UNAVAILABLE =
  'JobTrack cannot reach its sign-in service right now. Nothing was changed: please try again in a minute.';

/**
 * 503 when the auth service did not answer. Otherwise 429 for a request a limit refused, saying how long to wait, in words and in Retry-After:
 * `locked` words it for too many wrong passwords at this address, `busy` for this connection.
 */
export function limited(
  submission: Submission<unknown>,
  refusal: Limited,
  lockedMessage: (wait: string) => string = TOO_MANY_GUESSES,
) {
  if (refusal.reason === 'unavailable') {
    return invalid(
      submission,
      { formErrors: [UNAVAILABLE] },
      { status: 503, headers: { 'Retry-After': String(refusal.retryAfterSeconds) } },
    );
  }
  const message = refusal.reason === 'locked' ? lockedMessage : BUSY;
  return invalid(
    submission,
    { formErrors: [message(minutesFrom(refusal.retryAfterSeconds))] },
    { status: 429, headers: { 'Retry-After': String(refusal.retryAfterSeconds) } },
  );
}
