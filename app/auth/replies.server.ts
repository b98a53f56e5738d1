import type { Submission } from '@conform-to/react';
import { invalid } from '~/components/forms/form.server';

/** "1 minute" / "4 minutes", rounded up: how long a lock-out has left, in words. */
export function minutesFrom(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const TRY_LATER = (wait: string) => `Too many wrong passwords. Please wait ${wait} and try again.`;

/** 429 after too many wrong passwords: how long to wait, in words and in Retry-After. */
export function lockedOut(
  submission: Submission<unknown>,
  retryAfterSeconds: number,
  message: (wait: string) => string = TRY_LATER,
) {
  return invalid(
    submission,
    { formErrors: [message(minutesFrom(retryAfterSeconds))] },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}
