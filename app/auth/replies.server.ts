import type { Submission } from '@conform-to/react';
import { data } from '@remix-run/cloudflare';
import { PASSWORD_FIELDS } from './auth-schemas';

type Errors = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** A 400 answer with the errors and every typed value except passwords, which are never echoed. */
export function invalid(
  submission: Submission<unknown>,
  errors: Errors = {},
  init: ResponseInit = {},
) {
  return data(submission.reply({ ...errors, hideFields: PASSWORD_FIELDS }), {
    status: 400,
    ...init,
  });
}

/** True when a bot filled the honeypot that people never see. */
export function isBot(value: { website?: string }) {
  return Boolean(value.website);
}

/** "1 minute" / "4 minutes", rounded up: how long a lock-out has left, in words. */
export function minutesFrom(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
