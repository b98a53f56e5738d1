import type { Session, User } from '@supabase/supabase-js';
import type { SupabaseConfig } from '~/config.server';
import { sessionCookieName } from '../local/sessions.server';
import { GOOGLE_AGE_PARAM, type AuthPort, type GoogleRefusal } from '../port';
import {
  adminClient,
  clearedVerifierCookie,
  sessionClient,
  VERIFIER_COOKIE_SECONDS,
  type SessionClient,
} from './clients.server';
import { describe, unavailable } from './errors.server';

// Sign in with Google through Supabase: OAuth with PKCE, one verifier cookie, only the email kept
// (docs/decisions/022); and no account for anyone who has not said they are 18 or over
// (docs/decisions/028). Supabase makes the account as Google sends the person back, before the
// app is asked; the callback therefore decides whether that account may go on existing.

/**
 * The mark, in the account's app metadata (which only the secret key can write), of a Google
 * account whose owner ticked "I am 18 or over" on the way in.
 */
const ADULT_MARK = 'jobtrack_adult';

/**
 * What is kept of the profile Google sends: the address, whether it was verified, and the
 * account number Supabase finds the identity by (the keys migration 0017's triggers keep).
 */
const KEPT_FROM_GOOGLE = new Set([
  'sub',
  'provider_id',
  'email',
  'email_verified',
  'phone_verified',
]);

/**
 * What an account's record and this sign-in say about the person's age:
 * - `known`: the sign-up form made it (its email identity; the form requires the box), or an
 *   earlier Google sign-up marked it;
 * - `confirmed-now`: the person ticked the box on the way in, so it is marked now;
 * - `unconfirmed-new`: Google made it during this very sign-in, and nobody ticked the box;
 * - `unconfirmed-old`: an unmarked Google account older than this sign-in (made before the
 *   question was asked, or left behind by a removal that failed).
 */
type Age = 'known' | 'confirmed-now' | 'unconfirmed-new' | 'unconfirmed-old';

function ageOf(user: User, session: Session, adult: boolean): Age {
  const meta = user.app_metadata ?? {};
  if (meta[ADULT_MARK] === true) return 'known';
  // Supabase lists an email identity only once its address is confirmed or its password
  // proved: linking Google to an unconfirmed sign-up removes it (pre-takeover protection).
  if (Array.isArray(meta.providers) && meta.providers.includes('email')) return 'known';
  if (adult) return 'confirmed-now';
  return madeBy(user, session) ? 'unconfirmed-new' : 'unconfirmed-old';
}

/** The `iat` of an access token Supabase has just issued, or null if it cannot be read. */
function issuedAt(accessToken: string): number | null {
  try {
    const payload = accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const { iat } = JSON.parse(atob(payload)) as { iat?: unknown };
    return typeof iat === 'number' ? iat : null;
  } catch {
    return null;
  }
}

/**
 * Whether this sign-in made the account: created, on Supabase's own clock, no longer before the
 * session was issued than a flow started here can last. When unsure, it did not (an account is
 * only ever removed when it certainly holds nothing).
 */
function madeBy(user: User, session: Session): boolean {
  const created = Date.parse(user.created_at);
  const issued = issuedAt(session.access_token);
  if (!Number.isFinite(created) || issued === null) return false;
  return issued * 1000 - created <= VERIFIER_COOKIE_SECONDS * 1000;
}

/** Google sign-in's two steps of the auth port, on this configuration. */
export function googleSignIn(
  config: SupabaseConfig,
  endArrivingSession: (request: Request) => Promise<void>,
): Required<Pick<AuthPort, 'startGoogleSignIn' | 'finishGoogleSignIn'>> {
  /**
   * Google hands Supabase the person's name and picture. The privacy policy keeps only the
   * email address: on a project with migration 0017 its triggers keep no more, so the exchange's
   * user (read back from the database) has nothing else; should anything else be there, it is
   * removed here (a null deletes a key; the same call marks a newly confirmed adult) and the
   * session refreshed, so the cookie carries none of it (docs/decisions/022). False when the mark
   * could not be written: the account must then not be used.
   */
  async function settleAccount(session: SessionClient, user: User, mark: boolean) {
    const extra = Object.keys(user.user_metadata ?? {}).filter((key) => !KEPT_FROM_GOOGLE.has(key));
    if (extra.length === 0 && !mark) return true;
    const { error } = await adminClient(config).auth.admin.updateUserById(user.id, {
      ...(extra.length > 0 && { user_metadata: Object.fromEntries(extra.map((k) => [k, null])) }),
      ...(mark && { app_metadata: { [ADULT_MARK]: true } }),
    });
    if (error) {
      console.warn('Supabase Google account update:', describe(error));
      return !mark;
    }
    if (extra.length === 0) return true;
    const refreshed = await session.client.auth.refreshSession();
    if (refreshed.error) console.warn('Supabase refresh after Google:', describe(refreshed.error));
    return true;
  }

  /**
   * An account this sign-in made without the box, read again just before it would be removed:
   * another tab of the same browser may have confirmed the age since the exchange (028). When
   * Supabase cannot say, it is kept and refused like an older account (never removed unsure).
   */
  async function ageNow(user: User, tokens: Session): Promise<Age> {
    const { data, error } = await adminClient(config).auth.admin.getUserById(user.id);
    if (error) {
      console.warn('Supabase read of a new Google account:', describe(error));
      return 'unconfirmed-old';
    }
    return ageOf(data.user, tokens, false);
  }

  /** Ends, in Supabase, a session that the browser never receives. */
  async function dropSession(session: SessionClient) {
    const { error } = await session.client.auth.signOut({ scope: 'local' });
    if (error) console.warn('Supabase sign-out of a refused Google session:', describe(error));
  }

  /**
   * Removes an account Google made a moment ago for someone who never said they are 18 or over.
   * Nothing of theirs exists yet (it never had a session here); Supabase ends its session too.
   */
  async function removeAccount(session: SessionClient, user: User) {
    const { error } = await adminClient(config).auth.admin.deleteUser(user.id);
    if (!error) return;
    console.warn('Supabase removal of an unconfirmed Google account:', describe(error));
    await dropSession(session);
  }

  return {
    async startGoogleSignIn(request, { next, adult }) {
      const session = sessionClient(config, request);
      const callback = new URL('/auth/callback', new URL(request.url).origin);
      if (adult) callback.searchParams.set(GOOGLE_AGE_PARAM.name, GOOGLE_AGE_PARAM.value);
      if (next !== '/') callback.searchParams.set('next', next);
      // No request to Supabase: the library builds the authorize URL and keeps the verifier.
      const { data, error } = await session.client.auth.signInWithOAuth({
        provider: 'google',
        options: { redirectTo: callback.href, skipBrowserRedirect: true },
      });
      if (error || !data.url) return unavailable;
      return { ok: true, url: data.url, headers: session.headers() };
    },

    async finishGoogleSignIn(request, { code, error, adult }) {
      const session = sessionClient(config, request);
      // A sign-in that does not finish sends no session cookie (not even one the exchange
      // made): the browser keeps whatever session it came with. The verifier always goes.
      const refused = (reason: GoogleRefusal) => {
        const headers = session.headers({ session: false });
        const verifier = `${sessionCookieName(request)}-code-verifier=`;
        if (!headers.getSetCookie().some((c) => c.startsWith(verifier))) {
          headers.append('Set-Cookie', clearedVerifierCookie(request));
        }
        return { ok: false as const, reason, headers };
      };
      if (!code) return refused(error === 'access_denied' ? 'cancelled' : 'failed');
      const exchanged = await session.client.auth.exchangeCodeForSession(code);
      if (exchanged.error || !exchanged.data.session) {
        if (exchanged.error) console.warn('Supabase Google callback:', describe(exchanged.error));
        return refused('failed');
      }
      const { user, session: tokens } = exchanged.data;
      let age = ageOf(user, tokens, adult);
      if (age === 'unconfirmed-new') age = await ageNow(user, tokens);
      switch (age) {
        case 'unconfirmed-new':
          await removeAccount(session, user);
          return refused('age-unconfirmed');
        case 'unconfirmed-old':
          await dropSession(session);
          return refused('age-unconfirmed');
        case 'confirmed-now':
          if (!(await settleAccount(session, user, true))) {
            await dropSession(session);
            return refused('failed');
          }
          break;
        case 'known':
          await settleAccount(session, user, false);
      }
      await endArrivingSession(request);
      return { ok: true, headers: session.headers() };
    },
  };
}
