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

/**
 * The words for a new password the auth service refused under its own policy (Supabase's
 * length, required characters or leaked-password check); never the password itself.
 */
export function weakPasswordMessage(reasons: string[]): string {
  if (reasons.includes('pwned')) {
    return 'This password has appeared in a data breach. Please choose a different one.';
  }
  if (reasons.includes('characters')) {
    return 'Use at least one lowercase letter, one capital letter, one digit and one symbol.';
  }
  return 'This password is too weak. Please choose a longer one.';
}

/** A reset link was used, but the new password was not saved before the service stopped answering. */
export const RESET_INTERRUPTED =
  'Your reset link has been used, but the sign-in service stopped answering before your new password was saved. Please ask for a new reset link in a minute.';
