import type { AppLoadContext } from '@remix-run/cloudflare';
import {
  admit,
  clientAllowed,
  CLIENT_RETRY_SECONDS,
  forget,
  LINK_EMAILS,
  PASSWORD_GUESSES,
  SIGN_UP_EMAILS,
  type Allowance,
} from './limits.server';
import type { AuthAdapter, AuthPort, Limited } from './port';

// The rules every adapter is held to, applied around it so that local and Supabase accounts
// cannot drift apart (docs/decisions/016):
// - every request that guesses a password, sets one from a reset link or sends an email counts against the client's
//   per-minute allowance (Cloudflare's binding), and guesses and emails also count against the
//   address's own allowance (our database, hashed);
// - emails are sent after the answer, so sign-up, magic link and reset take the same time
//   whether or not the address has an account.

const busy: Limited = { ok: false, reason: 'busy', retryAfterSeconds: CLIENT_RETRY_SECONDS };
const locked = (retryAfterSeconds: number): Limited => ({
  ok: false,
  reason: 'locked',
  retryAfterSeconds,
});

/** `adapter` with the shared account rules applied. */
export function withAccountRules(adapter: AuthAdapter, context: AppLoadContext): AuthPort {
  const later = (task: () => Promise<unknown>) => context.background.run(task);

  /** Takes one email from the address's allowance; over it, the email is quietly not sent. */
  const emailAllowed = async (allowance: Allowance, email: string) =>
    (await admit(context, allowance, email)) === 0;

  /** The shared front of every password check: the client's allowance, then the address's. */
  async function admitGuess(request: Request, email: string): Promise<Limited | null> {
    if (!(await clientAllowed(context, request, 'password'))) return busy;
    const wait = await admit(context, PASSWORD_GUESSES, email);
    return wait > 0 ? locked(wait) : null;
  }

  /** An "email me" request: limits now, the adapter's work (lookups and sending) after the answer. */
  function emailRequest<I extends { email: string }>(
    allowance: Allowance,
    send: (request: Request, input: I) => Promise<unknown>,
  ) {
    return async (request: Request, input: I) => {
      if (!(await clientAllowed(context, request, 'email'))) return busy;
      if (await emailAllowed(allowance, input.email)) later(() => send(request, input));
      return { ok: true } as const;
    };
  }

  return {
    ...adapter,

    signUp: emailRequest(SIGN_UP_EMAILS, adapter.signUp),
    sendMagicLink: emailRequest(LINK_EMAILS, adapter.sendMagicLink),
    sendPasswordReset: emailRequest(LINK_EMAILS, adapter.sendPasswordReset),

    async signIn(request, input) {
      const refused = await admitGuess(request, input.email);
      if (refused) return refused;
      const result = await adapter.signIn(request, input);
      // The right password (confirmed or not) empties the address's count of guesses.
      if (result.ok || result.reason === 'unconfirmed') {
        await forget(context, input.email, PASSWORD_GUESSES);
      }
      if (
        !result.ok &&
        result.reason === 'unconfirmed' &&
        (await emailAllowed(SIGN_UP_EMAILS, input.email))
      ) {
        later(() => adapter.resendConfirmation(request, { email: input.email }));
      }
      return result;
    },

    async verifyEmailLink(request, input) {
      // The link is the credential here, but a typed sign-up password is a guess at a password
      // the person may use elsewhere: it counts against the client and the address alike.
      if (input.password === null) return adapter.verifyEmailLink(request, input);
      const link = await adapter.inspectEmailLink(request, input);
      if (!link.live) {
        return (await clientAllowed(context, request, 'password'))
          ? adapter.verifyEmailLink(request, input)
          : busy;
      }
      const refused = await admitGuess(request, link.email);
      if (refused) return refused;
      const result = await adapter.verifyEmailLink(request, input);
      // The right password empties the address's count of guesses, as on the sign-in page.
      if (result.ok) await forget(context, link.email, PASSWORD_GUESSES);
      return result;
    },

    async resetPassword(request, input) {
      // The new password is hashed at full cost before the link is checked, so each try costs
      // what a password guess does, and counts against the client like one.
      if (!(await clientAllowed(context, request, 'password'))) return busy;
      return adapter.resetPassword(request, input);
    },

    async changePassword(request, user, input) {
      if (input.currentPassword !== null) {
        const refused = await admitGuess(request, user.email);
        if (refused) return refused;
      }
      const result = await adapter.changePassword(request, user, input);
      if (result.ok) await forget(context, user.email, PASSWORD_GUESSES);
      return result;
    },

    async deleteAccount(request, user, input) {
      const refused = await admitGuess(request, user.email);
      if (refused) return refused;
      const result = await adapter.deleteAccount(request, user, input);
      // Nothing keyed to the address may outlive the account, not even a hashed count.
      if (result.ok) {
        await forget(context, user.email, PASSWORD_GUESSES, LINK_EMAILS, SIGN_UP_EMAILS);
      }
      return result;
    },
  };
}
