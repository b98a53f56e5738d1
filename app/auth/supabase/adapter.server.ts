import { isUuid } from '~/http/uuid';
import type { AppLoadContext } from '@remix-run/cloudflare';
import type { Session } from '@supabase/supabase-js';
import { sql } from 'drizzle-orm';
import { randomToken } from '../hashing.server';
import type {
  AuthAdapter,
  EmailLinkType,
  Limited,
  SessionUser,
  VerifyResult,
  WeakPassword,
} from '../port';
import {
  adminClient,
  clearedSessionCookie,
  sessionClient,
  statelessClient,
} from './clients.server';
import { sessionCookieName } from '../local/sessions.server';
import {
  authUnavailable,
  describe,
  isOutage,
  isRateLimited,
  supabaseBusy,
  unavailable,
} from './errors.server';
import { googleSignIn } from './google.server';
import { findLink, hasPassword, type Link } from './links.server';
import { keepRefreshedSession } from './refreshed-session.server';

// The Supabase adapter: accounts, sessions and emails live in Supabase Auth; Supabase sends every
// email (through the project's SMTP provider). What Supabase cannot do the way local accounts do
// is listed in docs/decisions/021, and the shared account suite says so per adapter.

/** Marks, in the account's app metadata (which only the secret key can write), a dropped password. */
const PASSWORD_DROPPED = { jobtrack_password: 'none' };
const PASSWORD_SET = { jobtrack_password: 'set' };

/**
 * A password nobody knows that passes any Supabase password policy: 64 random hex digits (256
 * bits) with one uppercase letter, lowercase letter, digit and symbol, within bcrypt's 72 bytes.
 */
const unknowablePassword = () => `${randomToken()}Aa1!`;

/** Supabase's refusal of a new password under its policy, as the port's field error. */
function weakPassword(error: { code?: string } | null): WeakPassword | null {
  if (error?.code !== 'weak_password') return null;
  const reasons = (error as { reasons?: unknown }).reasons;
  return {
    ok: false,
    reason: 'weak-password',
    reasons: Array.isArray(reasons) ? reasons.map(String) : [],
  };
}

/** The Supabase adapter of the auth port, for this request's context. */
export function createSupabaseAuth(context: AppLoadContext): AuthAdapter {
  const config = context.config.supabase!;
  const stateless = () => statelessClient(config);
  const at = (request: Request, path: string) => new URL(path, new URL(request.url).origin).href;

  /**
   * Ends, in Supabase, the session the browser arrived with (whoever's it was), once a new one
   * has been started; the new cookie replaces the old in the browser.
   */
  async function endArrivingSession(request: Request) {
    if (!(request.headers.get('Cookie') ?? '').includes(sessionCookieName(request))) return;
    const { error } = await sessionClient(config, request).client.auth.signOut({ scope: 'local' });
    if (error && !isOutage(error))
      console.warn('Supabase sign-out before sign-in:', describe(error));
  }

  /**
   * Checks a password by signing in with it on a client that keeps nothing: the new session when
   * it is right, 'unconfirmed' when it is right for an unconfirmed account (Supabase says so only
   * to the right password), 'wrong', or an outage.
   */
  async function tryPassword(
    email: string,
    password: string,
  ): Promise<Session | 'unconfirmed' | 'wrong' | Limited> {
    const { data, error } = await stateless().auth.signInWithPassword({ email, password });
    if (!error && data.session) return data.session;
    if (error?.code === 'email_not_confirmed') return 'unconfirmed';
    if (isOutage(error)) return unavailable;
    if (isRateLimited(error)) return supabaseBusy;
    return 'wrong';
  }

  /** Ends a session made only to check a password. */
  async function endCheckSession(session: Session) {
    await stateless().auth.admin.signOut(session.access_token, 'local');
  }

  /** Records in Supabase whether the person has a password of their own (see hasPassword). */
  async function markPassword(userId: string, set: boolean) {
    const { error } = await adminClient(config).auth.admin.updateUserById(userId, {
      app_metadata: set ? PASSWORD_SET : PASSWORD_DROPPED,
    });
    if (error) console.warn('Supabase password mark:', describe(error));
  }

  /** Spends an emailed link; once it has signed someone in, the session the browser had ends. */
  async function spend(request: Request, token: string, type: EmailLinkType) {
    const session = sessionClient(config, request);
    const { data, error } = await session.client.auth.verifyOtp({ token_hash: token, type });
    if (error || !data.session) return { session, failure: isOutage(error) ? unavailable : null };
    await endArrivingSession(request);
    return { session, user: data.session.user };
  }

  /**
   * Confirms an account whose sign-up password nobody has vouched for (docs/decisions/015): the
   * password is replaced by one nobody knows and the account confirmed in one admin call, before
   * anything else; Supabase's password change ends every session (the attacker's too) and
   * revokes every emailed link, this one included, which the page already read as live. Only
   * then is this browser signed in, with that password. When the replacement fails, nothing was
   * changed and the link still works.
   */
  async function claimWithoutPassword(request: Request, link: Link): Promise<VerifyResult> {
    const replacement = unknowablePassword();
    const { error } = await adminClient(config).auth.admin.updateUserById(link.userId, {
      password: replacement,
      email_confirm: true,
      app_metadata: PASSWORD_DROPPED,
    });
    if (error) {
      console.warn('Supabase password drop:', describe(error));
      return unavailable;
    }
    const session = sessionClient(config, request);
    const { error: signInError } = await session.client.auth.signInWithPassword({
      email: link.email,
      password: replacement,
    });
    if (signInError) {
      // The account is confirmed without the old password, but this browser is not signed in:
      // the link is used up, and a sign-in link from the sign-in page gets the person in.
      console.warn('Supabase sign-in after password drop:', describe(signInError));
      return { ok: false, reason: 'spent' };
    }
    return { ok: true, headers: session.headers(), passwordRemoved: true };
  }

  /**
   * A reset link for an account nobody has confirmed: Supabase's recovery verification would
   * confirm it before the new password is accepted. The password is set and the account
   * confirmed in one admin call first (a refused password changes nothing, and the link still
   * works); that also ends every session and revokes every link. Then this browser signs in.
   */
  async function resetUnconfirmed(request: Request, link: Link, password: string) {
    const { error } = await adminClient(config).auth.admin.updateUserById(link.userId, {
      password,
      email_confirm: true,
      app_metadata: PASSWORD_SET,
    });
    if (error) {
      console.warn('Supabase reset of an unconfirmed account:', describe(error));
      return weakPassword(error) ?? unavailable;
    }
    const session = sessionClient(config, request);
    const signedIn = await session.client.auth.signInWithPassword({ email: link.email, password });
    if (signedIn.error) {
      console.warn('Supabase sign-in after reset:', describe(signedIn.error));
      return { ok: false as const, reason: 'spent' as const };
    }
    return { ok: true as const, headers: session.headers() };
  }

  const peek = (token: string, type: EmailLinkType): Promise<Link | null> =>
    findLink(context, token, type);

  return {
    // The claim comes from a JWT whose signature and expiry auth-js has verified in the Worker.
    // A token outlives its session (signed out elsewhere, "sign out other devices", a password
    // change): the first statement of the request's transaction looks its session up in
    // auth.sessions, so such a token signs nobody in, at no round trip of its own.
    async claim(request) {
      const session = sessionClient(config, request);
      let answer: Awaited<ReturnType<typeof session.client.auth.getClaims>>;
      try {
        answer = await session.client.auth.getClaims();
      } catch (thrown) {
        // A crafted cookie (an unknown `alg`, a header that is not JSON or is null) makes
        // auth-js throw a plain error rather than answer one: that cookie signs nobody in.
        if (isOutage(thrown as { name?: string })) throw authUnavailable();
        return null;
      }
      const { data, error } = answer;
      // Supabase's rate limit on refreshing is not the person's doing: keep their cookie (auth-js
      // would clear it) and answer like an outage.
      if (isOutage(error) || isRateLimited(error)) throw authUnavailable();
      keepRefreshedSession(context, session.headers());
      if (error) return null;
      const claims = data?.claims;
      // auth-js checks the signature and expiry only; the role, an anonymous session (which
      // JobTrack never starts) and the email are ours to check.
      if (!claims || claims.role !== 'authenticated' || typeof claims.sub !== 'string') return null;
      if (claims.is_anonymous === true) return null;
      if (typeof claims.email !== 'string' || claims.email === '') return null;
      const sessionId = claims.session_id;
      if (!isUuid(sessionId) || !isUuid(claims.sub)) return null;
      return {
        id: claims.sub,
        check: sql`select u.id, u.email::text as email, null::boolean as has_password
          from auth.sessions s join auth.users u on u.id = s.user_id
          where s.id = ${sessionId}::uuid and s.user_id = ${claims.sub}::uuid
            and (s.not_after is null or s.not_after > now())
            and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())`,
      };
    },

    async signUp(request, { email, password }) {
      const { error } = await stateless().auth.signUp({
        email,
        password,
        options: { emailRedirectTo: at(request, '/auth/confirm') },
      });
      // A taken address answers like a new one (Supabase sends nothing then); a 429 means a link
      // went out a minute ago. Neither is the person's to see (this runs after the answer).
      if (error && !isRateLimited(error)) console.warn('Supabase sign-up:', describe(error));
    },

    async signIn(request, { email, password }) {
      const session = sessionClient(config, request);
      const { error } = await session.client.auth.signInWithPassword({ email, password });
      if (error?.code === 'email_not_confirmed') return { ok: false, reason: 'unconfirmed' };
      if (isOutage(error)) return unavailable;
      if (isRateLimited(error)) return supabaseBusy;
      if (error) return { ok: false, reason: 'invalid' };
      await endArrivingSession(request);
      return { ok: true, headers: session.headers() };
    },

    async resendConfirmation(request, { email }) {
      const { error } = await stateless().auth.resend({
        type: 'signup',
        email,
        options: { emailRedirectTo: at(request, '/auth/confirm') },
      });
      if (error && !isRateLimited(error)) console.warn('Supabase resend:', describe(error));
    },

    async signOut(request) {
      const session = sessionClient(config, request);
      // "local" clears the cookie even when Supabase is down; the session then ends by expiry.
      const { error } = await session.client.auth.signOut({ scope: 'local' });
      if (error && !isOutage(error)) console.warn('Supabase sign-out:', describe(error));
      const headers = session.headers();
      if (!headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName(request)}=`))) {
        headers.append('Set-Cookie', clearedSessionCookie(request));
      }
      return headers;
    },

    async signOutOthers(request) {
      const session = sessionClient(config, request);
      const { error } = await session.client.auth.signOut({ scope: 'others' });
      if (isOutage(error)) throw authUnavailable();
      if (error) console.warn('Supabase sign-out of others:', describe(error));
    },

    async sendMagicLink(request, { email }) {
      const { error } = await stateless().auth.signInWithOtp({
        email,
        options: { shouldCreateUser: false, emailRedirectTo: at(request, '/auth/confirm') },
      });
      // otp_disabled means "no such account": it must look exactly like a sent link.
      if (error && error.code !== 'otp_disabled' && !isRateLimited(error)) {
        console.warn('Supabase sign-in link:', describe(error));
      }
    },

    async sendPasswordReset(request, { email }) {
      const { error } = await stateless().auth.resetPasswordForEmail(email, {
        redirectTo: at(request, '/reset-password'),
      });
      if (error && !isRateLimited(error)) console.warn('Supabase reset link:', describe(error));
    },

    async inspectEmailLink(_request, { token, type }) {
      const link = await peek(token, type);
      if (!link) return { live: false };
      return { live: true, email: link.email, asksForPassword: link.asksForPassword };
    },

    async verifyEmailLink(request, { token, type, password }) {
      const link = await peek(token, type);
      if (!link) return { ok: false, reason: 'spent' };
      if (link.asksForPassword && password === null) return claimWithoutPassword(request, link);
      if (link.asksForPassword && password !== null) {
        const check = await tryPassword(link.email, password);
        if (check === 'wrong') return { ok: false, reason: 'wrong-password' };
        if (typeof check === 'object' && 'reason' in check) return check;
        if (typeof check === 'object') await endCheckSession(check);
      }
      const spent = await spend(request, token, type);
      if (!spent.user) return spent.failure ?? { ok: false, reason: 'spent' };
      return { ok: true, headers: spent.session.headers(), passwordRemoved: false };
    },

    async resetPassword(request, { token, password }) {
      const link = await peek(token, 'recovery');
      if (!link) return { ok: false, reason: 'spent' };
      if (!link.confirmed) return resetUnconfirmed(request, link, password);
      const spent = await spend(request, token, 'recovery');
      if (!spent.user) return spent.failure ?? { ok: false, reason: 'spent' };
      // Setting the password through this fresh session ends every other one and every link
      // (and Supabase sends the "password changed" notice). The link is spent by now, so any
      // refusal is said as it is: the person is signed in and can choose one on the account page.
      const { error } = await spent.session.client.auth.updateUser({ password });
      if (error && error.code !== 'same_password') {
        console.warn('Supabase reset:', describe(error));
        return weakPassword(error) ?? { ok: false, reason: 'interrupted' };
      }
      await markPassword(spent.user.id, true);
      return { ok: true, headers: spent.session.headers() };
    },

    hasPassword: (user: SessionUser) => hasPassword(context, user.id),

    async changePassword(request, user, { currentPassword, newPassword }) {
      const session = sessionClient(config, request);
      if (currentPassword === null) {
        if (await hasPassword(context, user.id)) return { ok: false, reason: 'wrong-password' };
      } else {
        const check = await tryPassword(user.email, currentPassword);
        if (check === 'wrong' || check === 'unconfirmed') {
          return { ok: false, reason: 'wrong-password' };
        }
        if ('reason' in check) return check;
        // The checking session becomes this browser's: the old one ends with every other below.
        const { error } = await session.client.auth.setSession(check);
        if (error) return isOutage(error) ? unavailable : { ok: false, reason: 'wrong-password' };
      }
      const { error } = await session.client.auth.updateUser({ password: newPassword });
      if (isOutage(error)) return unavailable;
      if (error && error.code !== 'same_password') {
        console.warn('Supabase password change:', describe(error));
        return weakPassword(error) ?? unavailable;
      }
      await markPassword(user.id, true);
      return { ok: true, headers: session.headers() };
    },

    ...googleSignIn(config, endArrivingSession),

    async deleteAccount(request, user, { password }) {
      const check = await tryPassword(user.email, password);
      if (check === 'wrong' || check === 'unconfirmed')
        return { ok: false, reason: 'wrong-password' };
      if ('reason' in check) return check;
      // The secret-key client deletes the auth user; every row of theirs goes with it through
      // the `on delete cascade` foreign keys to auth.users.
      const { error } = await adminClient(config).auth.admin.deleteUser(user.id);
      if (error) {
        console.warn('Supabase account deletion:', describe(error));
        return unavailable;
      }
      return { ok: true, headers: new Headers({ 'Set-Cookie': clearedSessionCookie(request) }) };
    },
  };
}
