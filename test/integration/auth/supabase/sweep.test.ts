// Google accounts nobody finished signing up are removed by the daily cron once a day old
// (docs/decisions/028); every other account, and anything holding a person's data, stays.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sweepUnfinishedGoogleAccounts } from '~/auth/supabase/sweep.server';
import { SUPABASE_ENV } from '../../../mocks/supabase-auth';
import { makeContext } from '../../../support/context';
import { otherConnections } from '../../../support/db';
import { scheduleWorker } from '../../../support/worker';
import { newEmail, pages } from '../behaviours/driver';
import { googleFlow, sessionCookie } from './google-flow';
import { supabaseHarness } from './harness';

const { harness, project, db } = supabaseHarness({
  google: { email: 'first@example.com', name: 'Priya Shah' },
});
const google = googleFlow(harness, project);

beforeEach(() => {
  // Earlier tests' leftovers must not be swept by this one's run.
  return harness.admin()`update auth.users set created_at = now()`;
});

/** A Google account left behind unmarked, as when its removal at the callback failed. */
async function unfinished(email: string) {
  project.fake.signInAtGoogleAs({ email, name: 'Sam Taylor' });
  project.fake.fail({ match: (r) => r.method === 'DELETE' && r.path.startsWith('/admin/users/') });
  await google.roundTrip(google.fromSignIn());
  return idOf(email);
}

async function idOf(email: string) {
  const [row] = await harness.admin()<
    { id: string }[]
  >`select id from auth.users where email = ${email}`;
  return row?.id;
}

const ageBy = (id: string, days: number) =>
  harness.admin()`update auth.users set created_at = now() - make_interval(days => ${days})
    where id = ${id}`;

const inProject = (email: string) =>
  [...project.fake.state.users.values()].some((u) => u.email === email);

describe('The daily sweep of unfinished Google accounts (supabase)', () => {
  it('removes one a day old, from Supabase and the database, at the Worker’s cron', async () => {
    const email = newEmail('left');
    const id = (await unfinished(email))!;
    await ageBy(id, 2);

    const connections = () => otherConnections(harness.admin());
    const before = await connections();
    await scheduleWorker(db.url, SUPABASE_ENV as Partial<Env>);

    expect(await idOf(email)).toBeUndefined();
    expect(inProject(email)).toBe(false);
    // The run's own database client is closed when it ends.
    await expect.poll(connections, { timeout: 3_000 }).toBe(before);
  });

  it('leaves one less than a day old: its owner may still be on the way back', async () => {
    const email = newEmail('recent');
    await unfinished(email);

    expect(await sweepUnfinishedGoogleAccounts(harness.context())).toBe(0);

    expect(inProject(email)).toBe(true);
  });

  it('leaves accounts that are marked, made by email sign-up, signed in, or hold data', async () => {
    const app = pages(harness, harness.context());
    // Marked 18 or over by a Google sign-up, and since signed out everywhere.
    const markedEmail = newEmail('marked');
    project.fake.signInAtGoogleAs({ email: markedEmail, name: 'Amara Okafor' });
    const marked = await google.roundTrip(google.fromSignUp());
    await app.signOut(sessionCookie(marked.headers)!);
    // Made by email sign-up.
    const byEmail = await app.confirmedAccount(newEmail('email'));
    await app.signOut(byEmail.cookie);
    // Unmarked with a session (as made before the question was asked).
    const signedInEmail = newEmail('session');
    const signedIn = (await unfinished(signedInEmail))!;
    await harness.admin()`insert into auth.sessions (id, user_id) values (gen_random_uuid(), ${signedIn})`;
    // Unmarked with an application and no session.
    const holdingEmail = newEmail('holding');
    const holding = (await unfinished(holdingEmail))!;
    await harness.admin()`insert into jobtrack.applications (user_id, company, role, status)
      values (${holding}, 'NHS Leeds Teaching Hospitals', 'Staff Nurse (Band 5)', 'applied')`;
    for (const email of [markedEmail, byEmail.email, signedInEmail, holdingEmail]) {
      await ageBy((await idOf(email))!, 30);
    }

    expect(await sweepUnfinishedGoogleAccounts(harness.context())).toBe(0);

    for (const email of [markedEmail, byEmail.email, signedInEmail, holdingEmail]) {
      expect(await idOf(email), email).toBeDefined();
    }
  });

  it('keeps what Supabase fails to remove for the next run', async () => {
    const email = newEmail('retry');
    const id = (await unfinished(email))!;
    await ageBy(id, 2);
    project.fake.fail({
      match: (r) => r.method === 'DELETE' && r.path.startsWith('/admin/users/'),
    });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(await sweepUnfinishedGoogleAccounts(harness.context())).toBe(0);
    expect(await idOf(email)).toBe(id);
    expect(warn.mock.calls.map(([first]) => first)).toEqual([
      'Supabase removal of an unfinished Google account:',
    ]);
    warn.mockRestore();
    expect(await sweepUnfinishedGoogleAccounts(harness.context())).toBe(1);
    expect(await idOf(email)).toBeUndefined();
  });

  it('removes nothing in local mode, whatever auth.users holds', async () => {
    const email = newEmail('local');
    const id = (await unfinished(email))!;
    await ageBy(id, 2);

    expect(await sweepUnfinishedGoogleAccounts(makeContext(db.handle).context)).toBe(0);
    expect(await idOf(email)).toBe(id);
  });
});
