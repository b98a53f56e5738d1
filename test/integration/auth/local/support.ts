// Helpers for the local adapter's storage tests (sessions, link revocation), which read its
// tables; the account-behaviour suite's own driver is ../behaviours/driver.ts.
import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/cloudflare';
import type postgres from 'postgres';
import { expect } from 'vitest';
import { getUser } from '~/auth/current-user.server';
import * as confirmRoute from '~/routes/auth.confirm';
import * as signinRoute from '~/routes/signin';
import * as signupRoute from '~/routes/signup';
import { cookieFrom, formPost, get, runAction } from '../../../support/http';
import { newClient } from '../behaviours/driver';

/** A password that passes every rule. */
export const PASSWORD = 'plum kettle harbour';

/** A fresh email address for one test. */
export const newEmail = (label = 'person') => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** The newest outbox email to `to` (settle the context's background work first). */
export async function lastEmailTo(admin: postgres.Sql, to: string) {
  const [row] = await admin<{ subject: string; body: string }[]>`
    select subject, body from jobtrack.dev_outbox where "to" = ${to} order by created_at desc limit 1`;
  expect(row, `an email to ${to}`).toBeDefined();
  return row!;
}

/** How many outbox emails went to `to`. */
export async function emailCount(admin: postgres.Sql, to: string) {
  const [row] = await admin<{ n: number }[]>`
    select count(*)::int as n from jobtrack.dev_outbox where "to" = ${to}`;
  return row!.n;
}

/** The first absolute link in `body` whose path is `path`. */
export function linkIn(body: string, path: string): URL {
  const url = (body.match(/https?:\/\/\S+/g) ?? [])
    .map((u) => new URL(u))
    .find((u) => u.pathname === path);
  expect(url, `a link to ${path} in:\n${body}`).toBeDefined();
  return url!;
}

/** Posts the sign-up form. */
export function signUp(
  context: AppLoadContext,
  fields: Record<string, string>,
  origin?: string | null,
) {
  return runAction(
    signupRoute.action,
    formPost('/signup', fields, { origin, client: newClient() }),
    { context },
  );
}

/** Posts the sign-in form. */
export function signIn(
  context: AppLoadContext,
  email: string,
  password: string,
  extra: Record<string, string> = {},
) {
  return runAction(signinRoute.action, formPost('/signin', { email, password, ...extra }), {
    context,
  });
}

/**
 * Presses "Continue" on an emailed sign-in link, or, given the sign-up password, "Confirm and
 * sign in" on a confirmation link (docs/decisions/015).
 */
export function pressContinue(
  context: AppLoadContext,
  link: URL,
  cookie?: string,
  signUpPassword?: string,
) {
  const fields = {
    token_hash: link.searchParams.get('token_hash') ?? '',
    type: link.searchParams.get('type') ?? '',
    ...(signUpPassword ? { intent: 'with-password', password: signUpPassword } : {}),
  };
  return runAction(
    confirmRoute.action,
    formPost(`${link.pathname}${link.search}`, fields, { cookie }),
    {
      context,
    },
  );
}

/** Signs up through the form and confirms through the emailed link; returns a signed-in person. */
export async function confirmedAccount(
  db: { admin: postgres.Sql },
  context: AppLoadContext,
  email = newEmail(),
  password = PASSWORD,
) {
  const outcome = await signUp(context, { email, password, adult: 'on' });
  expect(outcome.status).toBe(302);
  await context.background.settled();
  const link = linkIn((await lastEmailTo(db.admin, email)).body, '/auth/confirm');
  const confirmed = await pressContinue(context, link, undefined, password);
  expect(confirmed.status).toBe(302);
  const [row] = await db.admin<{ id: string }[]>`select id from auth.users where email = ${email}`;
  return { id: row!.id, email, password, cookie: cookieFrom(confirmed) };
}

/** Who a Cookie header signs in as, checked against the sessions table. */
export function whoIs(context: AppLoadContext, cookie: string) {
  return getUser(get('/', { cookie }), { ...context }); // a fresh request, as in the Worker
}

/** The session rows for a person. */
export async function sessionCount(admin: postgres.Sql, userId: string) {
  const [row] = await admin<{ n: number }[]>`
    select count(*)::int as n from jobtrack.sessions where user_id = ${userId}`;
  return row!.n;
}
