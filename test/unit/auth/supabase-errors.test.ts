import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import {
  authUnavailable,
  describe as describeFailure,
  isOutage,
  isRateLimited,
} from '~/auth/supabase/errors.server';
import { clearedSessionCookie, clearedVerifierCookie } from '~/auth/supabase/clients.server';

// How Supabase Auth's failures become the app's answers (docs/decisions/021): an outage is a calm
// 503, never a 500 and never a claim about the account; logs name the failure, never the person.

describe('a Supabase Auth failure', () => {
  it('is an outage when Supabase did not answer or answered 500 or above, and not otherwise', () => {
    expect(isOutage(new AuthRetryableFetchError('fetch failed', 0))).toBe(true);
    expect(isOutage({ status: 500 })).toBe(true);
    expect(isOutage({ status: 503 })).toBe(true);
    expect(isOutage({ status: 499 })).toBe(false);
    expect(
      isOutage(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials')),
    ).toBe(false);
    expect(isOutage({ name: 'AuthApiError' })).toBe(false);
    expect(isOutage(null)).toBe(false);
    expect(isOutage(undefined)).toBe(false);
  });

  it('is rate-limited only at 429', () => {
    expect(isRateLimited({ status: 429 })).toBe(true);
    expect(isRateLimited({ status: 400 })).toBe(false);
    expect(isRateLimited(null)).toBe(false);
  });

  it('that stops a page is a 503 asking to come back in 30 seconds, in plain words', async () => {
    const page = authUnavailable();
    expect(page.status).toBe(503);
    expect(page.statusText).toBe('Service Unavailable');
    expect(page.headers.get('Retry-After')).toBe('30');
    expect(await page.text()).toBe('The sign-in service is not answering right now.');
  });

  it('is logged by its name, status and code alone', () => {
    expect(
      describeFailure(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials')),
    ).toBe('AuthApiError 400 invalid_credentials');
    expect(describeFailure({ name: 'AuthWeakPasswordError', status: 422 })).toBe(
      'AuthWeakPasswordError 422',
    );
    expect(describeFailure({ code: 'over_email_send_rate_limit' })).toBe(
      'Error  over_email_send_rate_limit',
    );
    expect(describeFailure(null)).toBe('Error');
    expect(describeFailure(undefined)).toBe('Error');
  });
});

describe('the Supabase session cookie, removed', () => {
  it('over https: the __Host- name, expired, HttpOnly, Secure, SameSite=Lax, for the whole site', () => {
    const cookie = clearedSessionCookie(new Request('https://jobtrack.example/signout'));
    expect(cookie.split('; ').sort()).toEqual(
      [
        '__Host-jobtrack_session=',
        'HttpOnly',
        'Max-Age=0',
        'Path=/',
        'SameSite=Lax',
        'Secure',
      ].sort(),
    );
  });

  it('on plain-http localhost: the bare name, without Secure', () => {
    const cookie = clearedSessionCookie(new Request('http://localhost:8787/signout'));
    expect(cookie.split('; ').sort()).toEqual(
      ['jobtrack_session=', 'HttpOnly', 'Max-Age=0', 'Path=/', 'SameSite=Lax'].sort(),
    );
  });

  it("and a Google sign-in's verifier cookie beside it", () => {
    const cookie = clearedVerifierCookie(new Request('https://jobtrack.example/auth/callback'));
    expect(cookie.split('; ')[0]).toBe('__Host-jobtrack_session-code-verifier=');
    expect(cookie).toContain('Max-Age=0');
  });
});
