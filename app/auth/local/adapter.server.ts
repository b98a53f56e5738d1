import type { AppLoadContext } from '@remix-run/cloudflare';
import { asServer, type Tx } from '~/db.server';
import type { AuthAdapter, PasswordCheckFailure, SessionUser, SignInResult } from '../port';
import * as accounts from './accounts.server';
import * as emails from './emails.server';
import {
  consumeToken,
  issueToken,
  peekToken,
  PURPOSE_OF,
  revokeTokens,
} from './link-tokens.server';
import { deliver, forgetOutbox, type Email } from './outbox.server';
import { hashPassword, iterationsOf, PBKDF2_ITERATIONS, verifyPassword } from './password.server';
import * as sessions from './sessions.server';

// Checked against when an email has no account, so a wrong email costs the same PBKDF2 work as a
// wrong password and response time does not reveal which accounts exist. Nothing hashes to it.
const NO_ACCOUNT_HASH =
  'pbkdf2-sha256$100000$bm8tYWNjb3VudC1zYWx0IQ==$D8bZ1aL0x3l4k3Q9m2VwYc5Jm0Z9XhQe1s7Tq2rN4kA=';

/** The local adapter: accounts, sessions and emailed links kept in this app's own Postgres. */
export function createLocalAuth(context: AppLoadContext): AuthAdapter {
  const link = (request: Request, path: string, params: Record<string, string> = {}) => {
    const url = new URL(path, new URL(request.url).origin);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  };
  const send = (request: Request, email: Email) => deliver(context, request, email);

  /** Issues a confirmation link for an unconfirmed account and emails it. */
  async function sendConfirmation(request: Request, tx: Tx, account: accounts.Account) {
    const token = await issueToken(tx, account.id, 'confirm');
    return emails.confirmEmail(
      account.email,
      link(request, '/auth/confirm', { token_hash: token, type: 'signup' }),
    );
  }

  /** Tells the person, after the answer, that their password was changed or reset. */
  function notifyPasswordChanged(request: Request, to: string, how: 'changed' | 'reset') {
    const message = emails.passwordChanged(to, how, link(request, '/forgot-password'));
    context.background.run(() => send(request, message));
  }

  const hasPassword = async (userId: string) =>
    Boolean((await asServer(context, (tx) => accounts.findAccountById(tx, userId)))?.passwordHash);

  /** Verifies a signed-in person's password (the account rules limit how often). */
  async function checkPassword(
    user: SessionUser,
    password: string,
  ): Promise<PasswordCheckFailure | null> {
    const account = await asServer(context, (tx) => accounts.findAccountById(tx, user.id));
    const matches = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
    return account?.passwordHash && matches ? null : { ok: false, reason: 'wrong-password' };
  }

  return {
    claim: (request) => sessions.sessionClaim(request, context),

    async signUp(request, { email, password }) {
      // Hash before knowing whether the email is taken, so both paths do the same work.
      const passwordHash = await hashPassword(password);
      const message = await asServer(context, async (tx) => {
        // Made now, or taken but never confirmed: a confirmation link, and nothing else changes
        // for a taken one (the password stays: whoever confirms must know it, or it is dropped;
        // see verifyEmailLink).
        await accounts.createAccount(tx, email, passwordHash);
        const account = (await accounts.findAccountByEmail(tx, email))!;
        if (!account.confirmed) return sendConfirmation(request, tx, account);
        return emails.accountExists(
          email,
          link(request, '/signin'),
          link(request, '/forgot-password'),
        );
      });
      await send(request, message);
    },

    async signIn(request, { email, password }): Promise<SignInResult> {
      const account = await asServer(context, (tx) => accounts.findAccountByEmail(tx, email));
      const matches = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
      if (!account?.passwordHash || !matches) return { ok: false, reason: 'invalid' };
      if (!account.confirmed) return { ok: false, reason: 'unconfirmed' };
      const needsRehash = iterationsOf(account.passwordHash) !== PBKDF2_ITERATIONS;
      const newHash = needsRehash ? await hashPassword(password) : null;
      const token = await asServer(context, async (tx) => {
        if (newHash) await accounts.setPasswordHash(tx, account.id, newHash);
        return sessions.replaceSession(tx, request, account.id);
      });
      return { ok: true, headers: await sessions.sessionHeaders(request, token) };
    },

    async resendConfirmation(request, { email }) {
      const message = await asServer(context, async (tx) => {
        const account = await accounts.findAccountByEmail(tx, email);
        return account && !account.confirmed ? sendConfirmation(request, tx, account) : null;
      });
      if (message) await send(request, message);
    },

    signOut: (request) => sessions.endRequestSession(request, context),

    async signOutOthers(request, user) {
      await asServer(context, (tx) => sessions.deleteOtherSessions(tx, request, user.id));
    },

    async sendMagicLink(request, { email }) {
      const message = await asServer(context, async (tx) => {
        const account = await accounts.findAccountByEmail(tx, email);
        if (!account) return emails.noAccount(email, link(request, '/signup'));
        // An unconfirmed account is confirmed first, on the page that asks for its password.
        if (!account.confirmed) return sendConfirmation(request, tx, account);
        const token = await issueToken(tx, account.id, 'magiclink');
        const url = link(request, '/auth/confirm', { token_hash: token, type: 'magiclink' });
        return emails.magicLink(email, url);
      });
      await send(request, message);
    },

    async sendPasswordReset(request, { email }) {
      const message = await asServer(context, async (tx) => {
        const account = await accounts.findAccountByEmail(tx, email);
        if (!account) return emails.noAccount(email, link(request, '/signup'));
        const token = await issueToken(tx, account.id, 'recovery');
        return emails.passwordReset(email, link(request, '/reset-password', { token }));
      });
      await send(request, message);
    },

    async inspectEmailLink(_request, { token, type }) {
      return asServer(context, async (tx) => {
        const owner = await peekToken(tx, token, PURPOSE_OF[type]);
        const account = owner && (await accounts.findAccountById(tx, owner.userId));
        if (!account) return { live: false };
        const predates = type !== 'recovery' && !account.confirmed && !!account.passwordHash;
        return { live: true, email: account.email, asksForPassword: predates };
      });
    },

    async verifyEmailLink(request, { token, type, password }) {
      const purpose = PURPOSE_OF[type];
      // Read first (nothing spent), so a mistyped password leaves the link usable.
      const before = await asServer(context, async (tx) => {
        const owner = await peekToken(tx, token, purpose);
        return owner && accounts.findAccountById(tx, owner.userId);
      });
      if (!before) return { ok: false, reason: 'spent' };
      const predating = !before.confirmed ? before.passwordHash : null;
      if (predating && password !== null && !(await verifyPassword(password, predating))) {
        return { ok: false, reason: 'wrong-password' };
      }
      const result = await asServer(context, async (tx) => {
        const owner = await consumeToken(tx, token, purpose);
        if (!owner) return null;
        const account = await accounts.findAccountById(tx, owner.userId);
        let passwordRemoved = false;
        if (account && !account.confirmed) {
          // Whoever proves the mailbox owns the account. A password chosen before that proof
          // survives only if this person typed it (and it is still the one they typed).
          const proven = password !== null && account.passwordHash === predating;
          if (account.passwordHash && !proven) {
            await accounts.removePassword(tx, owner.userId);
            await sessions.deleteAllSessions(tx, owner.userId);
            passwordRemoved = true;
          }
          await revokeTokens(tx, owner.userId);
          await accounts.markEmailConfirmed(tx, owner.userId);
        }
        return {
          passwordRemoved,
          session: await sessions.replaceSession(tx, request, owner.userId),
        };
      });
      if (!result) return { ok: false, reason: 'spent' };
      const headers = await sessions.sessionHeaders(request, result.session);
      return { ok: true, headers, passwordRemoved: result.passwordRemoved };
    },

    async resetPassword(request, { token, password }) {
      // A made-up or spent link costs one cheap lookup, not a full-cost hash.
      const live = await asServer(context, (tx) => peekToken(tx, token, 'recovery'));
      if (!live) return { ok: false, reason: 'spent' };
      const passwordHash = await hashPassword(password);
      const result = await asServer(context, async (tx) => {
        const owner = await consumeToken(tx, token, 'recovery');
        if (!owner) return null;
        await accounts.setPasswordHash(tx, owner.userId, passwordHash);
        await accounts.markEmailConfirmed(tx, owner.userId);
        // Whoever knew the old password, or held a session or link, is shut out.
        await sessions.deleteAllSessions(tx, owner.userId);
        await revokeTokens(tx, owner.userId);
        return { ...owner, session: await sessions.replaceSession(tx, request, owner.userId) };
      });
      if (!result) return { ok: false, reason: 'spent' };
      notifyPasswordChanged(request, result.email, 'reset');
      return { ok: true, headers: await sessions.sessionHeaders(request, result.session) };
    },

    // Known from the session check when the page's user came from it; looked up otherwise.
    hasPassword: async (user) => user.hasPassword ?? hasPassword(user.id),

    async changePassword(request, user, { currentPassword, newPassword }) {
      if (currentPassword === null) {
        // Only an account without a password may get one without giving the current one.
        if (await hasPassword(user.id)) return { ok: false, reason: 'wrong-password' };
      } else {
        const failure = await checkPassword(user, currentPassword);
        if (failure) return failure;
      }
      const passwordHash = await hashPassword(newPassword);
      const session = await asServer(context, async (tx) => {
        await accounts.setPasswordHash(tx, user.id, passwordHash);
        await sessions.deleteAllSessions(tx, user.id);
        await revokeTokens(tx, user.id);
        return sessions.createSession(tx, user.id);
      });
      notifyPasswordChanged(request, user.email, 'changed');
      return { ok: true, headers: await sessions.sessionHeaders(request, session) };
    },

    async deleteAccount(request, user, { password }) {
      const failure = await checkPassword(user, password);
      if (failure) return failure;
      await asServer(context, async (tx) => {
        await accounts.deleteAuthUser(tx, user.id);
        await forgetOutbox(tx, user.email);
      });
      return { ok: true, headers: await sessions.clearedSessionHeaders(request) };
    },
  };
}
