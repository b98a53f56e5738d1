import type { AppLoadContext } from '@remix-run/cloudflare';
import { asServer } from '~/db.server';
import type { AuthPort, PasswordCheckFailure, SessionUser, SignInResult } from '../port';
import * as accounts from './accounts.server';
import * as emails from './emails.server';
import { consumeToken, issueToken, revokeTokens } from './link-tokens.server';
import { deliver, forgetOutbox } from './outbox.server';
import { hashPassword, iterationsOf, PBKDF2_ITERATIONS, verifyPassword } from './password.server';
import * as sessions from './sessions.server';
import { admitAttempt, clearFailures } from './throttle.server';

// Checked against when an email has no account, so a wrong email costs the same PBKDF2 work as a
// wrong password and response time does not reveal which accounts exist. Nothing hashes to it.
const NO_ACCOUNT_HASH =
  'pbkdf2-sha256$100000$bm8tYWNjb3VudC1zYWx0IQ==$D8bZ1aL0x3l4k3Q9m2VwYc5Jm0Z9XhQe1s7Tq2rN4kA=';

/** The local adapter: accounts, sessions and emailed links kept in this app's own Postgres. */
export function createLocalAuth(context: AppLoadContext): AuthPort {
  const link = (request: Request, path: string, params: Record<string, string> = {}) => {
    const url = new URL(path, new URL(request.url).origin);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  };

  /** Verifies a signed-in person's password, under the same lock-out as sign-in. */
  async function checkPassword(
    user: SessionUser,
    password: string,
  ): Promise<PasswordCheckFailure | null> {
    const wait = await admitAttempt(context, user.email);
    if (wait > 0) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
    const account = await asServer(context, (tx) => accounts.findAccountById(tx, user.id));
    const matches = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!account?.passwordHash || !matches) return { ok: false, reason: 'wrong-password' };
    await clearFailures(context, user.email);
    return null;
  }

  return {
    claim: (request) => sessions.sessionClaim(request, context),

    async signUp(request, { email, password }) {
      // Hash before knowing whether the email is taken, so both answers take as long.
      const passwordHash = await hashPassword(password);
      const token = await asServer(context, async (tx) => {
        const id = await accounts.createAccount(tx, email, passwordHash);
        return id ? issueToken(tx, id, 'confirm') : null;
      });
      await deliver(
        context,
        token
          ? emails.confirmEmail(
              email,
              link(request, '/auth/confirm', { token_hash: token, type: 'signup' }),
            )
          : emails.accountExists(
              email,
              link(request, '/signin'),
              link(request, '/forgot-password'),
            ),
      );
    },

    async signIn(request, { email, password }): Promise<SignInResult> {
      const wait = await admitAttempt(context, email);
      if (wait > 0) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
      const account = await asServer(context, (tx) => accounts.findAccountByEmail(tx, email));
      const matches = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
      // A wrong password was already counted by admitAttempt.
      if (!account?.passwordHash || !matches) return { ok: false, reason: 'invalid' };
      await clearFailures(context, email);
      if (!account.confirmed) {
        const token = await asServer(context, (tx) => issueToken(tx, account.id, 'confirm'));
        const url = link(request, '/auth/confirm', { token_hash: token, type: 'signup' });
        await deliver(context, emails.confirmEmail(email, url));
        return { ok: false, reason: 'unconfirmed' };
      }
      const needsRehash = iterationsOf(account.passwordHash) !== PBKDF2_ITERATIONS;
      const newHash = needsRehash ? await hashPassword(password) : null;
      const token = await asServer(context, async (tx) => {
        if (newHash) await accounts.setPasswordHash(tx, account.id, newHash);
        return sessions.createSession(tx, account.id);
      });
      return { ok: true, headers: await sessions.sessionHeaders(request, token) };
    },

    signOut: (request) => sessions.endRequestSession(request, context),

    async sendMagicLink(request, { email }) {
      const account = await asServer(context, (tx) => accounts.findAccountByEmail(tx, email));
      if (!account) return deliver(context, emails.noAccount(email, link(request, '/signup')));
      const token = await asServer(context, (tx) => issueToken(tx, account.id, 'magiclink'));
      const url = link(request, '/auth/confirm', { token_hash: token, type: 'magiclink' });
      await deliver(context, emails.magicLink(email, url));
    },

    async sendPasswordReset(request, { email }) {
      const account = await asServer(context, (tx) => accounts.findAccountByEmail(tx, email));
      if (!account) return deliver(context, emails.noAccount(email, link(request, '/signup')));
      const token = await asServer(context, (tx) => issueToken(tx, account.id, 'recovery'));
      await deliver(
        context,
        emails.passwordReset(email, link(request, '/reset-password', { token })),
      );
    },

    async verifyEmailLink(request, { token, type }) {
      const purpose = type === 'signup' ? 'confirm' : 'magiclink';
      const result = await asServer(context, async (tx) => {
        const owner = await consumeToken(tx, token, purpose);
        if (!owner) return null;
        // Opening the link proves the person reads this mailbox.
        await accounts.markEmailConfirmed(tx, owner.userId);
        return { ...owner, session: await sessions.createSession(tx, owner.userId) };
      });
      if (!result) return { ok: false };
      await clearFailures(context, result.email);
      return { ok: true, headers: await sessions.sessionHeaders(request, result.session) };
    },

    async resetPassword(request, { token, password }) {
      const passwordHash = await hashPassword(password);
      const result = await asServer(context, async (tx) => {
        const owner = await consumeToken(tx, token, 'recovery');
        if (!owner) return null;
        await accounts.setPasswordHash(tx, owner.userId, passwordHash);
        await accounts.markEmailConfirmed(tx, owner.userId);
        // Whoever knew the old password, or held a session or link, is shut out.
        await sessions.deleteAllSessions(tx, owner.userId);
        await revokeTokens(tx, owner.userId);
        return { ...owner, session: await sessions.createSession(tx, owner.userId) };
      });
      if (!result) return { ok: false };
      await clearFailures(context, result.email);
      return { ok: true, headers: await sessions.sessionHeaders(request, result.session) };
    },

    async changePassword(request, user, { currentPassword, newPassword }) {
      const failure = await checkPassword(user, currentPassword);
      if (failure) return failure;
      await clearFailures(context, user.email);
      const passwordHash = await hashPassword(newPassword);
      const session = await asServer(context, async (tx) => {
        await accounts.setPasswordHash(tx, user.id, passwordHash);
        await sessions.deleteAllSessions(tx, user.id);
        await revokeTokens(tx, user.id);
        return sessions.createSession(tx, user.id);
      });
      return { ok: true, headers: await sessions.sessionHeaders(request, session) };
    },

    async deleteAccount(request, user, { password }) {
      const failure = await checkPassword(user, password);
      if (failure) return failure;
      await asServer(context, async (tx) => {
        await accounts.deleteAuthUser(tx, user.id);
        await forgetOutbox(tx, user.email);
      });
      await clearFailures(context, user.email);
      return { ok: true, headers: await sessions.clearedSessionHeaders(request) };
    },
  };
}
