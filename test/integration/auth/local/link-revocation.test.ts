import type { AppLoadContext } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import { action as accountAction } from '~/routes/account._index';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as magicLinkAction } from '~/routes/magic-link';
import { action as resetAction } from '~/routes/reset-password';
import { makeContext } from '../../../support/context';
import { setupTestDatabase } from '../../../support/db';
import { formPost, runAction } from '../../../support/http';
import { confirmedAccount, lastEmailTo, linkIn, pressContinue } from './support';
import { newClient } from '../behaviours/driver';
import { quietOutbox } from './harness';

// Each request comes from its own client, so the per-client limits never interfere.
// Whoever knew the old password may also have asked for links to the person's mailbox, or read
// one there: a new password must cancel every link that is still out.

const db = setupTestDatabase();
quietOutbox();

async function magicLink(context: AppLoadContext, email: string) {
  await runAction(magicLinkAction, formPost('/magic-link', { email }, { client: newClient() }), {
    context,
  });
  await context.background.settled();
  return linkIn((await lastEmailTo(db.admin, email)).body, '/auth/confirm');
}

async function resetLink(context: AppLoadContext, email: string) {
  await runAction(forgotAction, formPost('/forgot-password', { email }, { client: newClient() }), {
    context,
  });
  await context.background.settled();
  return linkIn((await lastEmailTo(db.admin, email)).body, '/reset-password');
}

function resetWith(context: AppLoadContext, link: URL, password: string) {
  const token = link.searchParams.get('token')!;
  return runAction(resetAction, formPost(`/reset-password?token=${token}`, { token, password }), {
    context,
  });
}

const liveTokens = async (userId: string) =>
  (
    await db.admin`select 1 from jobtrack.auth_tokens
      where user_id = ${userId} and used_at is null and expires_at > now()`
  ).length;

describe('a new password cancels the emailed links still out', () => {
  it('after a password change, earlier sign-in and reset links no longer work', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const neighbour = await confirmedAccount(db, context);
    const signInLink = await magicLink(context, person.email);
    const oldReset = await resetLink(context, person.email);
    const theirLink = await magicLink(context, neighbour.email);
    expect(await liveTokens(person.id)).toBe(2);

    const changed = await runAction(
      accountAction,
      formPost(
        '/account',
        { currentPassword: person.password, newPassword: 'orchard lamplight tuesday' },
        { cookie: person.cookie },
      ),
      { context },
    );

    expect(changed.status).toBe(302);
    expect(await liveTokens(person.id)).toBe(0);
    expect((await pressContinue(context, signInLink)).status).toBe(400);
    expect((await resetWith(context, oldReset, 'someone else chose this')).status).toBe(400);
    // Only the person's own links go.
    expect((await pressContinue(context, theirLink)).status).toBe(302);
  });

  it('after a password reset, the other links no longer work', async () => {
    const { context } = makeContext(db.handle);
    const person = await confirmedAccount(db, context);
    const neighbour = await confirmedAccount(db, context);
    const signInLink = await magicLink(context, person.email);
    const firstReset = await resetLink(context, person.email);
    const secondReset = await resetLink(context, person.email);
    const theirReset = await resetLink(context, neighbour.email);
    expect(await liveTokens(person.id)).toBe(3);

    expect((await resetWith(context, secondReset, 'lantern meadow quietly')).status).toBe(302);

    expect(await liveTokens(person.id)).toBe(0);
    expect((await pressContinue(context, signInLink)).status).toBe(400);
    expect((await resetWith(context, firstReset, 'someone else chose this')).status).toBe(400);
    expect((await resetWith(context, theirReset, 'their own new passphrase')).status).toBe(302);
  });
});
