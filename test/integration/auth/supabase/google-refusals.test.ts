// Sign in with Google when Supabase refuses a step: who is signed in (nobody, unless the account
// is sound), and the Worker's log line naming the refused call. A sign-in that goes well logs
// nothing.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { loader as callbackLoader } from '~/routes/auth.callback';
import { get, runLoader } from '../../../support/http';
import { SUPABASE_SECRET_KEY, SUPABASE_URL } from '../../../mocks/supabase-auth';
import { newEmail, pages } from '../behaviours/driver';
import { cookiePairs, googleFlow, sessionCookie } from './google-flow';
import { supabaseHarness } from './harness';

const { harness, project, advanceClock } = supabaseHarness({
  google: { email: 'first@example.com', name: 'Priya Shah' },
});
const google = googleFlow(harness, project);

let email = '';
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  email = newEmail('google');
  project.fake.signInAtGoogleAs({ email, name: 'Priya Shah' });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

/** The opening of each warning logged: the Supabase call it names. */
const logged = () => warn.mock.calls.map(([first]) => String(first));

type Request = { method: string; path: string; query: URLSearchParams };
const adminUser = (method: string) => (r: Request) =>
  r.method === method && r.path.startsWith('/admin/users/');
const grant = (type: string) => (r: Request) =>
  r.path === '/token' && r.query.get('grant_type') === type;

const sessionsOf = async (address: string) =>
  harness.admin()`select s.id from auth.sessions s join auth.users u on u.id = s.user_id
    where u.email = ${address}`;

describe('Sign in with Google when Supabase refuses a step (supabase)', () => {
  it('a sign-up with the box that goes well, and a later sign-in, log nothing', async () => {
    const first = await google.roundTrip(google.fromSignUp());
    const later = await google.roundTrip(google.fromSignIn());

    expect(sessionCookie(first.headers)).toBeDefined();
    expect(sessionCookie(later.headers)).toBeDefined();
    expect(logged()).toEqual([]);
  });

  it('an exchange Supabase refuses signs nobody in, says Google did not complete, and is logged', async () => {
    project.fake.fail({ match: grant('pkce'), status: 400, code: 'flow_state_expired' });

    const landed = await google.roundTrip(google.fromSignIn());

    expect(landed.headers.get('Location')).toBe('/signin?notice=google-failed');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    expect(logged()).toEqual(['Supabase Google callback:']);
  });

  it('an error from Google other than a cancel says it did not complete, not that it was cancelled', async () => {
    const pressed = await google.fromSignIn();
    const landed = await runLoader(
      callbackLoader,
      get('/auth/callback?error=server_error', { cookie: cookiePairs(pressed.started.headers)[0] }),
      { context: pressed.context },
    );

    expect(landed.headers.get('Location')).toBe('/signin?notice=google-failed');
    expect(logged()).toEqual([]);
  });

  it('a mark Supabase refuses is logged, and the session made for it ends', async () => {
    project.fake.fail({ match: adminUser('PUT') });

    const landed = await google.roundTrip(google.fromSignUp());

    expect(sessionCookie(landed.headers)).toBeUndefined();
    expect(await sessionsOf(email)).toEqual([]);
    expect(logged()).toEqual(['Supabase Google account update:']);
  });

  it('a known account whose Google profile Supabase will not clear is still signed in, and it is logged', async () => {
    await google.roundTrip(google.fromSignUp());
    project.fake.fail({ match: adminUser('PUT') });

    const landed = await google.roundTrip(google.fromSignIn());

    expect(sessionCookie(landed.headers)).toBeDefined();
    expect(logged()).toEqual(['Supabase Google account update:']);
  });

  it('a refresh Supabase refuses after the profile is cleared is logged; the person is signed in', async () => {
    project.fake.fail({
      match: grant('refresh_token'),
      status: 400,
      code: 'refresh_token_not_found',
    });

    const landed = await google.roundTrip(google.fromSignUp());

    expect(sessionCookie(landed.headers)).toBeDefined();
    expect(logged()).toEqual(['Supabase refresh after Google:']);
  });

  it('a removal Supabase refuses is logged; so is the end of its session when that is refused too', async () => {
    project.fake.fail({ match: adminUser('DELETE') });
    const first = await google.roundTrip(google.fromSignIn());
    expect(sessionCookie(first.headers)).toBeUndefined();
    expect(logged()).toEqual(['Supabase removal of an unconfirmed Google account:']);

    warn.mockClear();
    project.fake.fail({ match: adminUser('DELETE') });
    project.fake.fail({
      match: (r) => r.path === '/logout',
      status: 400,
      code: 'validation_failed',
    });
    const landed = await google.roundTrip(google.fromSignIn());

    expect(sessionCookie(landed.headers)).toBeUndefined();
    expect(logged()).toEqual([
      'Supabase removal of an unconfirmed Google account:',
      'Supabase sign-out of a refused Google session:',
    ]);
  });

  it('an account Supabase cannot read again is logged by name', async () => {
    project.fake.fail({ match: adminUser('GET') });

    const landed = await google.roundTrip(google.fromSignIn());

    expect(sessionCookie(landed.headers)).toBeUndefined();
    expect(await sessionsOf(email)).toEqual([]);
    expect(logged()).toEqual(['Supabase read of a new Google account:']);
  });
});

describe('An account Google made during this sign-in (supabase)', () => {
  it('counts as made by it for as long as a sign-in can take, so it is removed without the box', async () => {
    const pressed = await google.fromSignIn();
    // Google's answer (which makes the account) comes early; the browser lands nine minutes on.
    const back = await google.atGoogle(pressed.started.headers.get('Location')!);
    advanceClock(9 * 60);

    const landed = await google.land(pressed, back);

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(await harness.admin()`select 1 from auth.users where email = ${email}`).toHaveLength(0);
  });
});

describe('An older account refused at a Google sign-in without the box (supabase)', () => {
  it('keeps its sessions on other devices: only the refused sign-in’s own session ends', async () => {
    const first = await google.roundTrip(google.fromSignUp());
    const elsewhere = sessionCookie(first.headers)!;
    const [me] = await harness.admin()<{ id: string }[]>`
      select id from auth.users where email = ${email}`;
    // As an account made by Google sign-in before it asked for the age.
    await harness.admin()`update auth.users
      set raw_app_meta_data = raw_app_meta_data - 'jobtrack_adult' where id = ${me!.id}`;
    await project.fake.handle(
      new Request(`${SUPABASE_URL}/auth/v1/admin/users/${me!.id}`, {
        method: 'PUT',
        headers: { apikey: SUPABASE_SECRET_KEY, Authorization: `Bearer ${SUPABASE_SECRET_KEY}` },
        body: JSON.stringify({ app_metadata: { jobtrack_adult: null } }),
      }),
    );
    advanceClock(3600);

    const refused = await google.roundTrip(google.fromSignIn());

    expect(refused.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(await sessionsOf(email)).toHaveLength(1);
    const app = pages(harness, harness.context());
    expect((await app.whoIs(elsewhere))?.id).toBe(me!.id);
  });
});
