import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import type { Limited } from '../port';

// How Supabase Auth's failures become the port's answers (docs/decisions/021). None of them may
// tell whether an account exists, and an outage is never a 500 page.

/** Supabase did not answer (5xx, network failure, timeout): nothing was changed. */
export const unavailable: Limited = { ok: false, reason: 'unavailable', retryAfterSeconds: 30 };

/** Supabase's own per-client rate limit; it sends no Retry-After, so ask for its period. */
export const supabaseBusy: Limited = { ok: false, reason: 'busy', retryAfterSeconds: 60 };

type AuthFailure = { name?: string; status?: number; code?: string } | null | undefined;

/** True for a failure that says nothing about the request: Supabase was down or slow. */
export function isOutage(error: AuthFailure): boolean {
  if (!error) return false;
  return isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500;
}

/** A 429 from Supabase (its per-IP limits, or its per-address email frequency). */
export const isRateLimited = (error: AuthFailure) => error?.status === 429;

/** The calm 503 page for a read (who is signed in) that Supabase did not answer. */
export function authUnavailable(): Response {
  return new Response('The sign-in service is not answering right now.', {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Retry-After': '30' },
  });
}

/** A short, loggable description of a failure: never an email address or a token. */
export const describe = (error: AuthFailure) =>
  `${error?.name ?? 'Error'} ${error?.status ?? ''} ${error?.code ?? ''}`.trim();
