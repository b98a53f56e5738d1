// What each refusal from Supabase Auth leads to, call by call: the answer the person gets, what
// stays as it was, and the Worker's log line, which names the failing call (a warning is all an
// operator sees of a refusal that the person is not told about). Outages and rate limits are
// mostly not logged: the person is told, and Supabase's own dashboard shows them.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { UNAVAILABLE } from '~/auth/replies.server';
import { cookieFrom, ORIGIN } from '../../../support/http';
import { formErrors, newEmail, OTHER_PASSWORD, pages, PASSWORD } from '../behaviours/driver';
import { supabaseHarness } from './harness';

const { harness, project } = supabaseHarness();

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

/** The opening of each warning logged: the Supabase call it names. */
const logged = () => warn.mock.calls.map(([first]) => String(first));

type Match = { method: string; path: string };
const to =
  (path: string, method = 'POST') =>
  (r: Match) =>
    r.path === path && r.method === method;
const adminUpdate = (r: Match) => r.path.startsWith('/admin/users/') && r.method === 'PUT';
const failing = (match: (r: Match) => boolean, status: number, code = 'unexpected_failure') =>
  project.fake.fail({ match, status, code });
const down = (match: (r: Match) => boolean) => failing(match, 503);
const limited = (match: (r: Match) => boolean) => failing(match, 429, 'over_request_rate_limit');

/** The query of the newest request to `path`. */
const lastQuery = (path: string) =>
  project.fake.state.requests.filter((r) => r.path === path).at(-1)?.query;

/** Signs up without confirming: the confirmation link asks for the sign-up password. */
async function unconfirmed(app: ReturnType<typeof pages>) {
  const email = newEmail();
  expect((await app.signUp(email)).status).toBe(302);
  return { email, link: await app.linkIn(email, 'confirm', '/auth/confirm') };
}

/** Asks for a reset and reads its link from the email, as the person would. */
async function resetLink(app: ReturnType<typeof pages>, email: string) {
  await app.askForReset(email);
  return app.linkIn(email, 'recovery', '/reset-password');
}

/** An account claimed by its email link without the sign-up password: it has no password. */
async function claimed(app: ReturnType<typeof pages>) {
  const { email, link } = await unconfirmed(app);
  const outcome = await app.followLink(link, 'without-password');
  expect(outcome.status).toBe(302);
  const cookie = cookieFrom(outcome);
  expect((await app.accountPage(cookie)).data.hasPassword).toBe(false);
  return { email, cookie };
}

describe('emails Supabase refuses to send (supabase)', () => {
  it('a sign-up Supabase refuses is logged; its rate limit is not; both answer as sent', async () => {
    const app = pages(harness, harness.context());
    limited(to('/signup'));
    const busy = await app.signUp(newEmail());
    expect(logged()).toEqual([]);
    failing(to('/signup'), 500);
    const refused = await app.signUp(newEmail());
    expect(logged()).toEqual(['Supabase sign-up:']);

    expect([refused.status, busy.status]).toEqual([302, 302]);
  });

  it('a new confirmation link, sent on signing in unconfirmed, returns to this site; a refusal is logged', async () => {
    const app = pages(harness, harness.context());
    const { email } = await unconfirmed(app);

    await app.signIn(email, PASSWORD);
    expect(lastQuery('/resend')).toMatchObject({ redirect_to: `${ORIGIN}/auth/confirm` });
    expect(logged()).toEqual([]);

    limited(to('/resend'));
    await app.signIn(email, PASSWORD);
    expect(logged()).toEqual([]);
    failing(to('/resend'), 500);
    await app.signIn(email, PASSWORD);
    expect(logged()).toEqual(['Supabase resend:']);
  });

  it('a sign-in link returns to this site; an unknown address and a rate limit log nothing, a refusal does', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    await app.askForMagicLink(person.email);
    expect(lastQuery('/otp')).toMatchObject({ redirect_to: `${ORIGIN}/auth/confirm` });
    await app.askForMagicLink(newEmail('nobody'));
    limited(to('/otp'));
    await app.askForMagicLink(person.email);
    expect(logged()).toEqual([]);

    failing(to('/otp'), 500);
    expect((await app.askForMagicLink(person.email)).status).toBe(302);
    expect(logged()).toEqual(['Supabase sign-in link:']);
  });

  it('a reset link returns to the reset page; a refusal is logged, a rate limit is not', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    await app.askForReset(person.email);
    expect(lastQuery('/recover')).toMatchObject({ redirect_to: `${ORIGIN}/reset-password` });
    limited(to('/recover'));
    await app.askForReset(person.email);
    expect(logged()).toEqual([]);

    failing(to('/recover'), 500);
    expect((await app.askForReset(person.email)).status).toBe(302);
    expect(logged()).toEqual(['Supabase reset link:']);
  });
});

describe('signing in and out when Supabase refuses (supabase)', () => {
  it('a sign-in Supabase turns away for its rate limit asks the person to wait, keeping the email', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    limited(to('/token'));
    const outcome = await app.signIn(person.email, person.password);

    expect(outcome.status).toBe(429);
    expect(outcome.headers.get('Retry-After')).toBe('60');
    expect(outcome.data.initialValue.email).toBe(person.email);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(logged()).toEqual([]);
  });

  it('ends the session the browser arrived with, and only when it arrived with one', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const signOuts = () => project.fake.state.requests.filter((r) => r.path === '/logout').length;

    const before = signOuts();
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
    expect(signOuts()).toBe(before);

    expect(
      (await app.signIn(person.email, person.password, { cookie: person.cookie })).status,
    ).toBe(302);
    expect(signOuts()).toBe(before + 1);
    expect(await app.whoIs(person.cookie)).toBeNull();
  });

  it('a refused end of the arriving session is logged, an outage is not; the sign-in goes ahead', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    down(to('/logout'));
    const first = await app.signIn(person.email, person.password, { cookie: person.cookie });
    expect(logged()).toEqual([]);
    failing(to('/logout'), 400, 'validation_failed');
    const second = await app.signIn(person.email, person.password, { cookie: person.cookie });
    expect(logged()).toEqual(['Supabase sign-out before sign-in:']);

    expect([first.status, second.status]).toEqual([302, 302]);
  });

  it('signing out sends one cookie removal, with or without a session; a refusal is logged, an outage not', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const removals = (headers: Headers) =>
      headers.getSetCookie().filter((c) => c.startsWith('jobtrack_session=; Max-Age=0'));

    const withSession = await app.signOut(person.cookie);
    const without = await app.signOut('');
    expect(removals(withSession.headers)).toHaveLength(1);
    expect(removals(without.headers)).toHaveLength(1);
    expect(logged()).toEqual([]);

    const again = await app.confirmedAccount();
    down(to('/logout'));
    await app.signOut(again.cookie);
    expect(logged()).toEqual([]);
    const signedIn = await app.signIn(again.email, again.password);
    failing(to('/logout'), 400, 'validation_failed');
    expect((await app.signOut(cookieFrom(signedIn))).status).toBe(302);
    expect(logged()).toEqual(['Supabase sign-out:']);
  });

  it('signing out other devices while Supabase is down gets the calm 503; a refusal is logged', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    expect((await app.signOutOthers(person.cookie)).status).toBe(302);
    down((r) => r.path === '/logout');
    const outage = await app.signOutOthers(person.cookie);
    expect(outage.status).toBe(503);
    expect(logged()).toEqual([]);

    failing((r) => r.path === '/logout', 400, 'validation_failed');
    await app.signOutOthers(person.cookie);
    expect(logged()).toEqual(['Supabase sign-out of others:']);
  });
});

describe('emailed links when Supabase refuses (supabase)', () => {
  it('a sign-up password checked while Supabase is down or busy is neither right nor wrong, and the link keeps', async () => {
    const app = pages(harness, harness.context());
    const { link } = await unconfirmed(app);

    down(to('/token'));
    const outage = await app.followLink(link, { password: PASSWORD });
    limited(to('/token'));
    const busy = await app.followLink(link, { password: PASSWORD });

    expect(outage.status).toBe(503);
    expect(formErrors(outage)).toEqual([UNAVAILABLE]);
    expect(busy.status).toBe(429);
    expect((await app.followLink(link, { password: PASSWORD })).status).toBe(302);
  });

  it('a password sent with a link that does not ask for one is ignored', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.askForMagicLink(person.email);
    const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

    const outcome = await app.followLink(link, { password: 'not the password at all' });

    expect(outcome.status).toBe(302);
    expect((await app.whoIs(cookieFrom(outcome)))?.id).toBe(person.id);
  });

  it('a link Supabase cannot verify: an outage keeps it, a refusal says it is spent', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.askForMagicLink(person.email);
    const link = await app.linkIn(person.email, 'magiclink', '/auth/confirm');

    down(to('/verify'));
    const outage = await app.followLink(link);
    expect(outage.status).toBe(503);
    expect(formErrors(outage)).toEqual([UNAVAILABLE]);
    expect((await app.followLink(link)).status).toBe(302);

    await app.askForMagicLink(person.email);
    const next = await app.linkIn(person.email, 'magiclink', '/auth/confirm');
    failing(to('/verify'), 403, 'otp_expired');
    const refused = await app.followLink(next);
    expect(refused.status).toBe(400);
    expect(formErrors(refused)[0]).toMatch(/expired or has already been used/);
    expect(refused.headers.get('Set-Cookie')).toBeNull();
  });

  it('claiming an account without its password: a refused drop changes nothing and the link keeps', async () => {
    const app = pages(harness, harness.context());
    const { email, link } = await unconfirmed(app);

    failing(adminUpdate, 500);
    const refused = await app.followLink(link, 'without-password');

    expect(refused.status).toBe(503);
    expect(logged()).toEqual(['Supabase password drop:']);
    const [account] = await harness.admin()<{ confirmed: boolean; meta: unknown }[]>`
      select email_confirmed_at is not null as confirmed, raw_app_meta_data as meta
      from auth.users where email = ${email}`;
    expect(account).toMatchObject({ confirmed: false });
    expect(account!.meta).not.toMatchObject({ jobtrack_password: 'none' });
    // The sign-up password still confirms the account, with the same link.
    expect((await app.followLink(link, { password: PASSWORD })).status).toBe(302);
  });

  it('claiming an account without its password: a failed sign-in after the drop says the link is spent', async () => {
    const app = pages(harness, harness.context());
    const { link } = await unconfirmed(app);

    down(to('/token'));
    const outcome = await app.followLink(link, 'without-password');

    expect(outcome.status).toBe(400);
    expect(formErrors(outcome)[0]).toMatch(/expired or has already been used/);
    expect(logged()).toEqual(['Supabase sign-in after password drop:']);
  });
});

describe('resetting a password when Supabase refuses (supabase)', () => {
  it('a reset that works marks the password as set, and logs nothing', async () => {
    const app = pages(harness, harness.context());
    const person = await claimed(app);
    const link = await resetLink(app, person.email);

    const outcome = await app.resetWith(link, OTHER_PASSWORD);

    expect(outcome.status).toBe(302);
    expect((await app.accountPage(cookieFrom(outcome))).data.hasPassword).toBe(true);
    expect(logged()).toEqual([]);
  });

  it('a reset to the password already set signs in like any other', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const link = await resetLink(app, person.email);

    const outcome = await app.resetWith(link, person.password);

    expect(outcome.status).toBe(302);
    expect(logged()).toEqual([]);
  });

  it('a reset whose mark Supabase refuses still resets, and the refusal is logged', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const link = await resetLink(app, person.email);

    failing(adminUpdate, 500);
    const outcome = await app.resetWith(link, OTHER_PASSWORD);

    expect(outcome.status).toBe(302);
    expect(logged()).toEqual(['Supabase password mark:']);
    expect((await app.signIn(person.email, OTHER_PASSWORD)).status).toBe(302);
  });

  it('a reset link Supabase refuses to verify says it is spent, and nothing is changed', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const link = await resetLink(app, person.email);

    failing(to('/verify'), 403, 'otp_expired');
    const outcome = await app.resetWith(link, OTHER_PASSWORD);

    expect(outcome.status).toBe(400);
    expect(formErrors(outcome)[0]).toMatch(/expired or has already been used/);
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
  });

  it('a new password Supabase did not save is logged by name', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const link = await resetLink(app, person.email);

    down(to('/user', 'PUT'));
    await app.resetWith(link, OTHER_PASSWORD);

    expect(logged()).toEqual(['Supabase reset:']);
  });

  it('resetting an unconfirmed account: a refusal changes nothing, and a failed sign-in after says spent', async () => {
    const app = pages(harness, harness.context());
    const { email } = await unconfirmed(app);
    const link = await resetLink(app, email);

    failing(adminUpdate, 500);
    const refused = await app.resetWith(link, OTHER_PASSWORD);
    expect(refused.status).toBe(503);
    expect(formErrors(refused)).toEqual([UNAVAILABLE]);
    expect(logged()).toEqual(['Supabase reset of an unconfirmed account:']);

    down(to('/token'));
    const spent = await app.resetWith(link, OTHER_PASSWORD);
    expect(spent.status).toBe(400);
    expect(formErrors(spent)[0]).toMatch(/expired or has already been used/);
    expect(logged()).toEqual([
      'Supabase reset of an unconfirmed account:',
      'Supabase sign-in after reset:',
    ]);
  });
});

describe('changing a password or deleting an account when Supabase refuses (supabase)', () => {
  it('a password chosen for an account without one marks it as set', async () => {
    const app = pages(harness, harness.context());
    const person = await claimed(app);

    const chosen = await app.choosePassword(person.cookie, OTHER_PASSWORD);

    expect(chosen.status).toBe(302);
    // Supabase keeps this browser's session through a password change: the same cookie.
    expect((await app.accountPage(person.cookie)).data.hasPassword).toBe(true);
    expect(logged()).toEqual([]);
  });

  it('a change to the same password is accepted', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    const same = await app.changePassword(person.cookie, person.password, person.password);

    expect(same.status).toBe(302);
    expect(logged()).toEqual([]);
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
  });

  it('a current password Supabase cannot check, or a session it cannot take up, changes nothing', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    down(to('/token'));
    const unchecked = await app.changePassword(person.cookie, person.password, OTHER_PASSWORD);
    down(to('/user', 'GET'));
    const untaken = await app.changePassword(person.cookie, person.password, OTHER_PASSWORD);

    for (const outcome of [unchecked, untaken]) {
      expect(outcome.status).toBe(503);
      expect(formErrors(outcome)).toEqual([UNAVAILABLE]);
    }
    expect(logged()).toEqual([]);
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
  });

  it('a new password Supabase does not save: an outage is not logged, a refusal is', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    down(to('/user', 'PUT'));
    const outage = await app.changePassword(person.cookie, person.password, OTHER_PASSWORD);
    expect(outage.status).toBe(503);
    expect(logged()).toEqual([]);

    failing(to('/user', 'PUT'), 400, 'validation_failed');
    const refused = await app.changePassword(person.cookie, person.password, OTHER_PASSWORD);
    expect(refused.status).toBe(503);
    expect(logged()).toEqual(['Supabase password change:']);
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
  });

  it('a deletion whose password Supabase cannot check deletes nothing; a refused deletion is logged', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    down(to('/token'));
    const unchecked = await app.deleteAccount(person.cookie, person.password);
    expect(unchecked.status).toBe(503);
    expect(logged()).toEqual([]);

    failing((r) => r.path.startsWith('/admin/users/') && r.method === 'DELETE', 500);
    expect((await app.deleteAccount(person.cookie, person.password)).status).toBe(503);
    expect(logged()).toEqual(['Supabase account deletion:']);
    expect(await harness.admin()`select 1 from auth.users where id = ${person.id}`).toHaveLength(1);
  });
});
