import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import {
  addSupabaseAuthTables,
  authSessionsWriter,
  authUsersWriter,
  SUPABASE_ENV,
  SUPABASE_PUBLISHABLE_KEY,
  SUPABASE_SECRET_KEY,
  SUPABASE_URL,
  supabaseAuthHandlers,
} from '../../../mocks/supabase-auth';
import { createFakeSupabaseAuth, type FakeSupabaseAuth } from '../../../mocks/supabase/fake-auth';
import { server } from '../../../mocks/server';
import { makeContext } from '../../../support/context';
import { setupTestDatabase } from '../../../support/db';
import { ORIGIN } from '../../../support/http';
import type { AccountHarness, EmailKind } from '../behaviours/harness';

// The Supabase adapter's harness for the account-behaviour suite: Supabase Auth is the fake
// project of test/mocks/supabase (reached through MSW), which sends the emails and writes its
// users into auth.users of this file's database, as the real service does.

const KINDS: Record<string, EmailKind> = {
  confirmation: 'confirm',
  magic_link: 'magiclink',
  recovery: 'recovery',
  password_changed: 'password-changed',
};

/**
 * A test database and a fake Supabase Auth project for this file, and the Supabase adapter's
 * harness on them. `maxFrequencySec` is Supabase's minimum interval between two emails to one
 * address; the suite runs with 0 (see docs/decisions/021).
 */
export function supabaseHarness(
  options: {
    maxFrequencySec?: number;
    google?: { email: string; name: string };
    requiredCharacters?: string[];
  } = {},
) {
  const db = setupTestDatabase();
  const project = {} as { fake: FakeSupabaseAuth };
  let clock = 0;

  beforeAll(async () => {
    await addSupabaseAuthTables(db.admin);
    project.fake = await createFakeSupabaseAuth({
      url: SUPABASE_URL,
      publishableKey: SUPABASE_PUBLISHABLE_KEY,
      secretKey: SUPABASE_SECRET_KEY,
      siteUrl: ORIGIN,
      maxFrequencySec: options.maxFrequencySec ?? 0,
      google: options.google ?? null,
      requiredCharacters: options.requiredCharacters ?? [],
      onUserWrite: authUsersWriter(() => db.admin),
      onSessionWrite: authSessionsWriter(() => db.admin),
    });
  });
  beforeEach(() => {
    server.use(...supabaseAuthHandlers(project.fake));
    // Supabase's sessions are signed tokens that run out; tests move the clock past them.
    const realNow = Date.now.bind(Date);
    clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + clock);
  });
  afterEach(() => {
    vi.mocked(Date.now).mockRestore();
  });

  const harness: AccountHarness = {
    adapter: 'supabase',
    context: () =>
      makeContext(db.handle, {
        ...SUPABASE_ENV,
        GOOGLE_SIGN_IN: options.google ? 'on' : 'off',
      }).context,
    admin: () => db.admin,
    async emailsTo(context, to) {
      await context.background.settled();
      return project.fake.emailsTo(to).map((email) => {
        const kind = KINDS[email.template]!;
        const links = (email.body.match(/https?:\/\/\S+/g) ?? []).map((url) => new URL(url));
        return { to, kind, subject: email.subject, links };
      });
    },
    async holdEmails() {
      const release = project.fake.holdEmails();
      return async () => release();
    },
    async expireLink(link) {
      const token = link.searchParams.get('token_hash') ?? link.searchParams.get('token') ?? '';
      await project.fake.expire(token);
    },
    can: { tellOwnerOfRepeatSignUp: false, tellUnknownAddresses: false },
    differs: {
      signInLinksAreResetLinks:
        'Supabase keeps one recovery token for both emails (docs/decisions/021); either link gives the mailbox owner the account',
    },
  };
  /** Moves the clock the app and the fake read by `seconds`, for this test. */
  const advanceClock = (seconds: number) => {
    clock += seconds * 1000;
  };
  return { harness, db, project, advanceClock };
}
