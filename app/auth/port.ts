// The auth port: everything routes ask of authentication, whichever adapter answers (local
// Postgres accounts now, Supabase Auth later). Routes never see tables, hashes or tokens.
//
// Results that start or end a session carry `headers` (the Set-Cookie) for the route's redirect.
// Answers that must not reveal whether an email has an account return nothing at all.
import type { SQL } from 'drizzle-orm';

/** A verified signed-in person. */
export type SessionUser = { id: string; email: string };

/**
 * Who a request says it is, read without a database round trip. Never trusted alone: the first
 * statement of the request's transaction runs `check` and goes on only if it confirms `id` (see
 * `asUser` in app/db.server.ts), so the session check and row-level security share one statement.
 */
export type SessionClaim = {
  /** The user id the request names; queries filter on it once `check` has confirmed it. */
  id: string;
  /**
   * SQL yielding the person's `id` and `email` when the claim holds and no row when it does not.
   * The local adapter looks up its session row; an adapter that has verified a signed token in
   * the Worker (Supabase's JWT) selects the verified id and email as plain values.
   */
  check: SQL;
  /** The person, when the adapter has already verified the claim without the database. */
  verified?: SessionUser;
};

/** A session was started, changed or ended; send these headers with the redirect. */
export type WithSession = { ok: true; headers: Headers };

export type SignInResult =
  | WithSession
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'unconfirmed' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export type EmailLinkType = 'signup' | 'magiclink';

/** A password check on a signed-in account: wrong, or too many wrong guesses lately. */
export type PasswordCheckFailure =
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export interface AuthPort {
  /** Who this request says it is, or null when it carries no session at all. */
  claim(request: Request): Promise<SessionClaim | null>;

  /** Creates an account or, for a known email, tells its owner by email; answers nothing either way. */
  signUp(request: Request, input: { email: string; password: string }): Promise<void>;

  /** Checks email and password; the failure reason never says whether the account exists. */
  signIn(request: Request, input: { email: string; password: string }): Promise<SignInResult>;

  /** Ends this request's session server-side and clears its cookie. */
  signOut(request: Request): Promise<Headers>;

  /** Emails a single-use sign-in link (or, for an unknown email, a note saying there is no account). */
  sendMagicLink(request: Request, input: { email: string }): Promise<void>;

  /** Emails a single-use reset link (or, for an unknown email, a note saying there is no account). */
  sendPasswordReset(request: Request, input: { email: string }): Promise<void>;

  /** Consumes a confirmation or sign-in link's token and signs its owner in. */
  verifyEmailLink(
    request: Request,
    input: { token: string; type: EmailLinkType },
  ): Promise<WithSession | { ok: false }>;

  /** Consumes a reset token, sets the password, ends every session, and signs in afresh. */
  resetPassword(
    request: Request,
    input: { token: string; password: string },
  ): Promise<WithSession | { ok: false }>;

  /** Changes the password, ends every other session and rotates this one. */
  changePassword(
    request: Request,
    user: SessionUser,
    input: { currentPassword: string; newPassword: string },
  ): Promise<WithSession | PasswordCheckFailure>;

  /** Deletes the account and every row that belongs to it; the headers clear the cookie. */
  deleteAccount(
    request: Request,
    user: SessionUser,
    input: { password: string },
  ): Promise<WithSession | PasswordCheckFailure>;
}
