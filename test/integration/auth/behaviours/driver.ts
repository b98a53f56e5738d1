import { randomBytes, randomUUID } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/cloudflare';
import { expect } from 'vitest';
import { getUser } from '~/auth/current-user.server';
import * as accountRoute from '~/routes/account._index';
import * as deleteRoute from '~/routes/account.delete';
import * as confirmRoute from '~/routes/auth.confirm';
import * as forgotRoute from '~/routes/forgot-password';
import * as magicRoute from '~/routes/magic-link';
import * as resetRoute from '~/routes/reset-password';
import * as signinRoute from '~/routes/signin';
import * as signoutRoute from '~/routes/signout';
import * as signupRoute from '~/routes/signup';
import {
  cookieFrom,
  formPost,
  get,
  runAction,
  runLoader,
  type Outcome,
  type Sender,
} from '../../../support/http';
import type { AccountHarness, EmailKind, SentEmail } from './harness';

// Drives the account pages through their real loaders and actions, as a browser would, for the
// suite. Nothing here knows which adapter answers.

/** A password that passes every rule. */
export const PASSWORD = 'plum kettle harbour';
/** Another one, for changes and attackers. */
export const OTHER_PASSWORD = 'orchard lamplight tuesday';

/** A fresh email address for one test. */
export const newEmail = (label = 'person') => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** A fresh client address (as Cloudflare's CF-Connecting-IP), so per-client limits start at zero. */
export const newClient = () => `10.${[...randomBytes(3)].join('.')}`;

/** The account pages, driven with one context (one "browser" per `Sender`). */
export function pages(harness: AccountHarness, context: AppLoadContext) {
  const post = (
    action: Parameters<typeof runAction>[0],
    path: string,
    fields: Record<string, string>,
    from: Sender = {},
  ) => runAction(action, formPost(path, fields, from), { context });

  /**
   * Asks for an email and, like a person reading their inbox, gives the sending time to finish
   * (the answer itself never waits for it: see "answers never wait for an email").
   */
  const ask = async (
    action: Parameters<typeof runAction>[0],
    path: string,
    fields: Record<string, string>,
    from: Sender = {},
  ) => {
    const outcome = await post(action, path, fields, from);
    await context.background.settled();
    return outcome;
  };

  const self = {
    context,

    signUp: (email: string, password = PASSWORD, from?: Sender) =>
      ask(signupRoute.action, '/signup', { email, password, adult: 'on' }, from),

    signIn: (email: string, password: string, from?: Sender, extra: Record<string, string> = {}) =>
      ask(signinRoute.action, '/signin', { email, password, ...extra }, from),

    askForMagicLink: (email: string, from?: Sender) =>
      ask(magicRoute.action, '/magic-link', { email }, from),

    askForReset: (email: string, from?: Sender) =>
      ask(forgotRoute.action, '/forgot-password', { email }, from),

    /** Opens an emailed link to /auth/confirm (a GET: nothing is spent). */
    openLink: (link: URL, from?: Sender) =>
      runLoader(confirmRoute.loader, get(`${link.pathname}${link.search}`, from), { context }),

    /** Presses a button on an emailed link's page: Continue, or confirm with or without a password. */
    followLink: (
      link: URL,
      choice: { password: string } | 'without-password' | 'continue' = 'continue',
      from?: Sender,
    ) => {
      const fields: Record<string, string> = {
        token_hash: link.searchParams.get('token_hash') ?? '',
        type: link.searchParams.get('type') ?? '',
      };
      if (typeof choice === 'object') Object.assign(fields, choice, { intent: 'with-password' });
      else fields.intent = choice;
      return post(confirmRoute.action, `${link.pathname}${link.search}`, fields, from);
    },

    openResetLink: (link: URL, from?: Sender) =>
      runLoader(resetRoute.loader, get(`${link.pathname}${link.search}`, from), { context }),

    resetWith: (link: URL, password: string, from?: Sender) => {
      const token = link.searchParams.get('token') ?? '';
      return ask(resetRoute.action, `/reset-password?token=${token}`, { token, password }, from);
    },

    accountPage: (cookie: string, search = '') =>
      runLoader(accountRoute.loader, get(`/account${search}`, { cookie }), { context }),

    changePassword: (cookie: string, currentPassword: string, newPassword: string, from?: Sender) =>
      ask(
        accountRoute.action,
        '/account',
        { intent: 'password', currentPassword, newPassword },
        { cookie, ...from },
      ),

    choosePassword: (cookie: string, newPassword: string) =>
      post(accountRoute.action, '/account', { intent: 'password', newPassword }, { cookie }),

    signOutOthers: (cookie: string) =>
      post(accountRoute.action, '/account', { intent: 'sign-out-others' }, { cookie }),

    signOut: (cookie: string) => post(signoutRoute.action, '/signout', {}, { cookie }),

    deletePage: (cookie: string) =>
      runLoader(deleteRoute.loader, get('/account/delete', { cookie }), { context }),

    deleteAccount: (cookie: string, password: string, from?: Sender) =>
      post(deleteRoute.action, '/account/delete', { password }, { cookie, ...from }),

    /** Who a Cookie header signs in as, asked afresh as the next request would. */
    whoIs: (cookie: string) => getUser(get('/', { cookie }), { ...context }),

    /** Every email sent to `to` so far (after any sending still under way). */
    emailsTo: (to: string) => harness.emailsTo(context, to),

    /** The newest email of this kind to `to`. */
    async lastEmail(to: string, kind: EmailKind): Promise<SentEmail> {
      const mine = (await self.emailsTo(to)).filter((email) => email.kind === kind);
      expect(mine.length, `an email of kind ${kind} to ${to}`).toBeGreaterThan(0);
      return mine.at(-1)!;
    },

    /** The link to `path` in the newest email of this kind to `to`. */
    async linkIn(to: string, kind: EmailKind, path: string): Promise<URL> {
      const email = await self.lastEmail(to, kind);
      const link = email.links.find((url) => url.pathname === path);
      expect(link, `a link to ${path} in the ${kind} email to ${to}`).toBeDefined();
      return link!;
    },

    /** Signs up and confirms with the sign-up password: a confirmed, signed-in person. */
    async confirmedAccount(email = newEmail(), password = PASSWORD) {
      expect((await self.signUp(email, password)).status).toBe(302);
      const link = await self.linkIn(email, 'confirm', '/auth/confirm');
      const confirmed = await self.followLink(link, { password });
      expect(confirmed.status).toBe(302);
      const [row] = await harness.admin()<{ id: string }[]>`
        select id from auth.users where email = ${email}`;
      return { id: row!.id, email, password, cookie: cookieFrom(confirmed) };
    },
  };
  return self;
}

/** The form-level messages of a refused form. */
export const formErrors = (outcome: Outcome): string[] => outcome.data?.error?.[''] ?? [];

/**
 * Moves every per-address allowance `seconds` into the past, as if that much time had gone by.
 * The allowances are the app's own (app/auth/limits.server.ts), the same whichever adapter runs.
 */
export async function passTime(harness: AccountHarness, seconds: number) {
  await harness.admin()`update jobtrack.throttles
    set updated_at = updated_at - make_interval(secs => ${seconds})`;
}
