// The auth port: everything routes ask of authentication, whichever adapter answers (local
// Postgres accounts now, Supabase Auth later). Routes never see tables, hashes or tokens.
//
// Routes call `authFor(context)`, which wraps the adapter in the account rules every adapter
// shares (app/auth/account-rules.server.ts): the limits on guessing and on emails, and sending
// email after the answer. An adapter implements `AuthPort`; the rules add the refusals below.
//
// Results that start or end a session carry `headers` (the Set-Cookie) for the route's redirect.
// Answers that must not reveal whether an email has an account return nothing at all.
import type { SQL } from 'drizzle-orm';

/**
 * A verified signed-in person. `hasPassword` is known when the session check learnt it on the way
 * (the local adapter's does), so the account pages need no second look.
 */
export type SessionUser = { id: string; email: string; hasPassword?: boolean };

/**
 * Who a request says it is, read without a database round trip. Never trusted alone: the first
 * statement of the request's transaction runs `check` and goes on only if it confirms `id` (see
 * `asUser` in app/db.server.ts), so the session check and row-level security share one statement.
 */
export type SessionClaim = {
  /** The user id the request names; queries filter on it once `check` has confirmed it. */
  id: string;
  /**
   * SQL yielding the person's `id`, `email` and `has_password` (null if unknown) when the claim
   * holds, and no row when it does not.
   * The local adapter looks up its session row; the Supabase adapter, having verified the JWT in
   * the Worker, looks up the session it names (a token outlives a session ended elsewhere).
   */
  check: SQL;
};

/** A session was started, changed or ended; send these headers with the redirect. */
export type WithSession = { ok: true; headers: Headers };

/**
 * Refused by a limit: too many guesses at this address, or too many requests from this client;
 * or `unavailable`: the auth service (Supabase) did not answer, and nothing was changed.
 */
export type Limited = {
  ok: false;
  reason: 'locked' | 'busy' | 'unavailable';
  retryAfterSeconds: number;
};

export type SignInResult =
  WithSession | { ok: false; reason: 'invalid' } | { ok: false; reason: 'unconfirmed' } | Limited;

/** What an emailed link is for; each is accepted only where it belongs. */
export type EmailLinkType = 'signup' | 'magiclink' | 'recovery';

/**
 * What opening an emailed link finds, without spending it. `asksForPassword`: the link would
 * confirm an account whose password was chosen before anyone proved they read this mailbox, so
 * the page asks for that password (see docs/decisions/015).
 */
export type LinkState = { live: false } | { live: true; email: string; asksForPassword: boolean };

/** A link was followed: the person is signed in, and perhaps the sign-up password was dropped. */
export type Verified = WithSession & { passwordRemoved: boolean };

export type VerifyResult =
  Verified | { ok: false; reason: 'spent' } | { ok: false; reason: 'wrong-password' } | Limited;

/**
 * The auth service refused a new password under its own policy (Supabase's required characters
 * or leaked-password check): `reasons` are its words for what is missing ('length',
 * 'characters', 'pwned'), never the password itself.
 */
export type WeakPassword = { ok: false; reason: 'weak-password'; reasons: string[] };

/** A reset link was spent but the new password was not saved (the service stopped answering). */
export type Interrupted = { ok: false; reason: 'interrupted' };

/** A password check on a signed-in account: wrong, or limited. */
export type PasswordCheckFailure = { ok: false; reason: 'wrong-password' } | Limited;

/** Why a Google sign-in ended without a session. */
export type GoogleRefusal = 'cancelled' | 'failed' | 'age-unconfirmed';

/**
 * The callback URL's mark that the person ticked "I am 18 or over" before going to Google:
 * `?age=confirmed`. Anyone can type it, and typing it says no more than ticking the box does.
 */
export const GOOGLE_AGE_PARAM = { name: 'age', value: 'confirmed' } as const;

/** An "email me" request: accepted (whatever the address), or refused for this client. */
export type EmailRequest = { ok: true } | Limited;

export interface AuthPort {
  /** Who this request says it is, or null when it carries no session at all. */
  claim(request: Request): Promise<SessionClaim | null>;

  /**
   * Creates an unconfirmed account and emails a confirmation link. For an address that has an
   * unconfirmed account, emails a new confirmation link and changes nothing else (the password
   * stays); for a confirmed one, the adapter may tell its owner. Answers nothing either way.
   */
  signUp(request: Request, input: { email: string; password: string }): Promise<EmailRequest>;

  /**
   * Checks email and password; the failure reason never says whether the account exists. A
   * success replaces the session the browser arrived with (its server-side record is ended).
   */
  signIn(request: Request, input: { email: string; password: string }): Promise<SignInResult>;

  /** Emails a new confirmation link if the address has an unconfirmed account. */
  resendConfirmation(request: Request, input: { email: string }): Promise<void>;

  /** Ends this request's session server-side and clears its cookie. */
  signOut(request: Request): Promise<Headers>;

  /** Ends every session of the person but this request's. */
  signOutOthers(request: Request, user: SessionUser): Promise<void>;

  /**
   * Emails a single-use sign-in link; for an unconfirmed account, a confirmation link instead
   * (as Supabase does); for an unknown address, nothing or a note that there is no account.
   */
  sendMagicLink(request: Request, input: { email: string }): Promise<EmailRequest>;

  /** Emails a single-use reset link (or, for an unknown email, nothing or a note). */
  sendPasswordReset(request: Request, input: { email: string }): Promise<EmailRequest>;

  /** Whether an emailed link would still work, and what its page should ask; spends nothing. */
  inspectEmailLink(
    request: Request,
    input: { token: string; type: EmailLinkType },
  ): Promise<LinkState>;

  /**
   * Spends a confirmation or sign-in link and signs its owner in, replacing the browser's session.
   * Confirming an account whose password predates the confirmation keeps that password only when
   * `password` matches it (a wrong one spends nothing); with `password: null` the password is
   * dropped, every session ended and every other link revoked, and `passwordRemoved` says so.
   */
  verifyEmailLink(
    request: Request,
    input: { token: string; type: 'signup' | 'magiclink'; password: string | null },
  ): Promise<VerifyResult>;

  /**
   * Spends a reset link, sets the password, ends every session, revokes every link, signs in
   * afresh and tells the person by email.
   */
  resetPassword(
    request: Request,
    input: { token: string; password: string },
  ): Promise<WithSession | { ok: false; reason: 'spent' } | WeakPassword | Interrupted | Limited>;

  /** Whether the person has a password (an account claimed by email link may have none yet). */
  hasPassword(user: SessionUser): Promise<boolean>;

  /**
   * Sets a new password, ends every other session, rotates this one and tells the person by
   * email. `currentPassword` must match when the account has a password; null when it has none.
   */
  changePassword(
    request: Request,
    user: SessionUser,
    input: { currentPassword: string | null; newPassword: string },
  ): Promise<WithSession | PasswordCheckFailure | WeakPassword>;

  /**
   * Sign in with Google, offered only by an adapter that has it (Supabase) and only when the
   * configuration switches it on. Starts the OAuth flow (PKCE): where to send the browser, and
   * the headers that set the flow's short-lived verifier cookie. `adult`: the person ticked
   * "I am 18 or over" on the way (the sign-up page), which the callback URL carries back.
   */
  startGoogleSignIn?(
    request: Request,
    input: { next: string; adult: boolean },
  ): Promise<{ ok: true; url: string; headers: Headers } | Limited>;

  /**
   * Finishes Google's answer at /auth/callback: signed in, or cancelled at Google, or failed
   * (an old, reused or foreign callback), or `age-unconfirmed`: Google made an account for
   * someone who never said they are 18 or over (`adult` false), which is removed again and
   * signs nobody in (docs/decisions/028). Every answer's headers remove the verifier cookie.
   */
  finishGoogleSignIn?(
    request: Request,
    input: { code: string | null; error: string | null; adult: boolean },
  ): Promise<WithSession | { ok: false; reason: GoogleRefusal; headers: Headers }>;

  /** Deletes the account and every row that belongs to it; the headers clear the cookie. */
  deleteAccount(
    request: Request,
    user: SessionUser,
    input: { password: string },
  ): Promise<WithSession | PasswordCheckFailure>;
}

/**
 * What an adapter implements: the port, except that its "email me" calls answer nothing. The
 * account rules answer those (accepted, or refused by a limit) and make the adapter's call after
 * the answer, so nothing the adapter could say reaches the person.
 */
export type AuthAdapter = Omit<AuthPort, 'signUp' | 'sendMagicLink' | 'sendPasswordReset'> & {
  [K in 'signUp' | 'sendMagicLink' | 'sendPasswordReset']: (
    ...args: Parameters<AuthPort[K]>
  ) => Promise<void>;
};
