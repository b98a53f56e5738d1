import { afterEach, beforeEach, vi } from 'vitest';
import { sha256 } from '~/auth/hashing.server';
import { makeContext } from '../../../support/context';
import { setupTestDatabase } from '../../../support/db';
import type { AccountHarness, EmailKind } from '../behaviours/harness';

// The local adapter's harness for the account-behaviour suite: emails are read from the dev
// outbox, and links expire by editing their token's row.

const KINDS: Record<string, EmailKind> = {
  'Confirm your email address for JobTrack': 'confirm',
  'Your JobTrack sign-in link': 'magiclink',
  'Reset your JobTrack password': 'recovery',
  'Your JobTrack password has been changed': 'password-changed',
  'Someone tried to create a JobTrack account with your email': 'account-exists',
  'JobTrack: there is no account for this email': 'no-account',
};

/** Local mode prints every email with console.info; keep test output quiet (and let tests look). */
export function quietOutbox() {
  let spy: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    spy = vi.spyOn(console, 'info').mockImplementation(() => {});
  });
  afterEach(() => spy.mockRestore());
  return () => spy;
}

/** A test database for this file, and the local adapter's harness on it. Call at module level. */
export function localHarness() {
  const db = setupTestDatabase();
  quietOutbox();
  const harness: AccountHarness = {
    adapter: 'local',
    context: () => makeContext(db.handle).context,
    admin: () => db.admin,
    async emailsTo(context, to) {
      await context.background.settled();
      const rows = await db.admin<{ subject: string; body: string }[]>`
        select subject, body from jobtrack.dev_outbox where "to" = ${to}
        order by created_at, id`;
      return rows.map(({ subject, body }) => {
        const kind = KINDS[subject];
        if (!kind) throw new Error(`An email the harness does not know: ${subject}`);
        const links = (body.match(/https?:\/\/\S+/g) ?? []).map((url) => new URL(url));
        return { to, kind, subject, links };
      });
    },
    async holdEmails() {
      // Inserts into the outbox wait behind this lock; reading it still works.
      const holder = await db.admin.reserve();
      await holder`begin`;
      await holder`lock table jobtrack.dev_outbox in share row exclusive mode`;
      return async () => {
        await holder`commit`;
        holder.release();
      };
    },
    async expireLink(link) {
      const token = link.searchParams.get('token_hash') ?? link.searchParams.get('token') ?? '';
      await db.admin`update jobtrack.auth_tokens set expires_at = now() - interval '1 second'
        where token_hash = ${await sha256(token)}`;
    },
    // A session is a row: once deleted it is refused at once, with nothing left to run out.
    can: { tellOwnerOfRepeatSignUp: true, tellUnknownAddresses: true },
    differs: {},
  };
  return { harness, db };
}
