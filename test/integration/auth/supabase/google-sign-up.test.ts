// No account for anyone who has not said they are 18 or over, whichever way they arrive
// (docs/decisions/028): the sign-up page's "Continue with Google" asks for the same box as its
// email form, and an account Google makes without it is removed again at the callback.
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { action as signupAction, loader as signupLoader } from '~/routes/signup';
import { loader as callbackLoader } from '~/routes/auth.callback';
import { server } from '../../../mocks/server';
import { SUPABASE_SECRET_KEY, SUPABASE_URL } from '../../../mocks/supabase-auth';
import { makeContext } from '../../../support/context';
import { formPost, get, ORIGIN, runAction, runLoader, type Outcome } from '../../../support/http';
import { newEmail, pages, PASSWORD } from '../behaviours/driver';
import { cookiePairs, googleFlow, GOOGLE_SIGN_UP, KEPT_KEYS, sessionCookie } from './google-flow';
import { supabaseHarness } from './harness';

const { harness, project, advanceClock, db } = supabaseHarness({
  google: { email: 'first@example.com', name: 'Priya Shah' },
});
const google = googleFlow(harness, project);

let email = '';
beforeEach(() => {
  email = newEmail('google');
  project.fake.signInAtGoogleAs({ email, name: 'Priya Shah' });
});

type Meta = { app: Record<string, unknown>; user: Record<string, unknown> };
const account = async (address: string) =>
  (
    await harness.admin()<(Meta & { id: string })[]>`select id, raw_app_meta_data as app,
      raw_user_meta_data as user from auth.users where email = ${address}`
  )[0];
const sessionsOf = async (id: string) =>
  harness.admin()`select id from auth.sessions where user_id = ${id}`;

describe('Continue with Google on the sign-up page (supabase)', () => {
  it('with "I am 18 or over" ticked: the account exists, is signed in, and is marked as 18 or over', async () => {
    const pressed = await google.fromSignUp();
    const authorize = new URL(pressed.started.headers.get('Location')!);
    expect(authorize.searchParams.get('redirect_to')).toBe(`${ORIGIN}/auth/callback?age=confirmed`);

    const landed = await google.land(pressed, await google.atGoogle(authorize.href));

    expect(landed.headers.get('Location')).toBe('/');
    const cookie = sessionCookie(landed.headers)!;
    expect((await pages(harness, harness.context()).whoIs(cookie))?.email).toBe(email);
    const row = await account(email);
    expect(row!.app).toMatchObject({ provider: 'google', jobtrack_adult: true });
    expect(Object.keys(row!.user).sort()).toEqual(KEPT_KEYS);
    // The session cookie and the verifier's removal: nothing else.
    expect(
      landed.headers
        .getSetCookie()
        .map((c) => c.split('=')[0])
        .sort(),
    ).toEqual(['jobtrack_session', 'jobtrack_session-code-verifier']);
  });

  it('without the box: refused beside the box with the email kept, no cookie, nothing sent to Supabase', async () => {
    const before = project.fake.state.requests.length;

    const refused = await runAction(
      signupAction,
      formPost('/signup', { intent: 'google', email: 'typed@example.com', password: PASSWORD }),
      { context: harness.context() },
    );

    expect(refused.status).toBe(400);
    expect(refused.data.error.adult).toEqual(['Confirm that you are 18 or over']);
    expect(refused.data.error.email).toBeUndefined();
    expect(refused.data.initialValue.email).toBe('typed@example.com');
    // Pressed before the browser's checks arrived: once they have, ticking the box must not bring
    // "Enter a password": the reply counts neither the email nor the password as checked.
    expect(refused.data.fields).not.toContain('password');
    expect(refused.data.fields).not.toContain('email');
    expect(JSON.stringify(refused.data)).not.toContain(PASSWORD);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(project.fake.state.requests.length).toBe(before);
  });

  it('reads only the box: an unfinished email and password beside it do not stop it', async () => {
    const pressed = await google.fromSignUp({ ...GOOGLE_SIGN_UP, email: 'half@', password: 'x' });

    expect(pressed.started.status).toBe(302);
    expect(pressed.started.headers.get('Location')).toMatch(`${SUPABASE_URL}/auth/v1/authorize?`);
  });

  it('shows the button only where Google is offered, and refuses its POST elsewhere (404)', async () => {
    const page = await runLoader(signupLoader, get('/signup'), { context: harness.context() });
    expect(page.data.google).toBe(true);

    const local = makeContext(db.handle, { AUTH_MODE: 'local' }).context;
    const off = await runAction(signupAction, formPost('/signup', GOOGLE_SIGN_UP), {
      context: local,
    });
    const offPage = await runLoader(signupLoader, get('/signup'), { context: local });
    expect(off.status).toBe(404);
    expect(offPage.data.google).toBe(false);
  });

  it('a person who cancels at Google is back on the sign-up page with a calm message', async () => {
    const pressed = await google.fromSignUp();
    const back = await google.atGoogle(pressed.started.headers.get('Location')!, 'cancel');

    const landed = await google.land(pressed, back);

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-cancelled');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    const page = await runLoader(signupLoader, get('/signup?notice=google-cancelled'), {
      context: harness.context(),
    });
    expect(page.data.notice).toMatch(/cancelled, so you are not signed in/);
  });
});

describe('A first Google sign-in from the sign-in page (supabase)', () => {
  it('makes no account: none left in auth.users, no session cookie, and the sign-up page asks for the age', async () => {
    const landed = await google.roundTrip(google.fromSignIn('/applications'));

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(landed.headers.getSetCookie()).toHaveLength(1);
    expect(landed.headers.get('Set-Cookie')).toMatch(/^jobtrack_session-code-verifier=; Max-Age=0/);
    expect(await account(email)).toBeUndefined();
    expect([...project.fake.state.users.values()].some((u) => u.email === email)).toBe(false);
    const page = await runLoader(signupLoader, get('/signup?notice=google-age'), {
      context: harness.context(),
    });
    expect(page.data.notice).toBe(
      'You are not signed in yet. JobTrack is for people aged 18 and over: to use it with your ' +
        'Google account, tick “I am 18 or over” below, then choose Continue with Google.',
    );
  });

  it('leaves the session the browser came with as it was', async () => {
    const app = pages(harness, harness.context());
    const other = await app.confirmedAccount(newEmail());
    const cookie = other.cookie;

    const landed = await google.roundTrip(google.fromSignIn('/', cookie), cookie);

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    expect((await app.whoIs(cookie))?.email).toBe(other.email);
  });

  it('then, from the sign-up page with the box, makes the account', async () => {
    await google.roundTrip(google.fromSignIn());
    const landed = await google.roundTrip(google.fromSignUp());

    expect(landed.headers.get('Location')).toBe('/');
    expect(sessionCookie(landed.headers)).toBeDefined();
    expect((await account(email))!.app).toMatchObject({ jobtrack_adult: true });
  });

  it('still signs nobody in when Supabase fails to remove the account', async () => {
    project.fake.fail({
      match: (r) => r.method === 'DELETE' && r.path.startsWith('/admin/users/'),
    });

    const landed = await google.roundTrip(google.fromSignIn());

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    // Left behind unmarked and with no session: the next sign-in asks for the age again.
    const left = await account(email);
    expect(left!.app.jobtrack_adult).toBeUndefined();
    expect(await sessionsOf(left!.id)).toEqual([]);
    const again = await google.roundTrip(google.fromSignIn());
    expect(again.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(await account(email)).toBeUndefined();
  });
});

describe('Two tabs signing up with one Google account (supabase)', () => {
  it('the tab without the box, deciding after the other tab confirmed the age, keeps the account', async () => {
    const withBox = await google.fromSignUp();
    const withoutBox = await google.fromSignIn();
    // Google answers both tabs; the first answer makes the account, unmarked.
    const backWithout = await google.atGoogle(withoutBox.started.headers.get('Location')!);
    const backWith = await google.atGoogle(withBox.started.headers.get('Location')!);
    // The tab with the box finishes between the other tab's exchange and its decision.
    let confirmed: Outcome | undefined;
    server.use(
      http.get(
        `${SUPABASE_URL}/auth/v1/admin/users/:id`,
        async ({ request }) => {
          confirmed = await google.land(withBox, backWith);
          return project.fake.handle(request as unknown as Request);
        },
        { once: true },
      ),
    );

    const later = await google.land(withoutBox, backWithout);

    expect(confirmed?.headers.get('Location')).toBe('/');
    expect(later.headers.get('Location')).toBe('/');
    expect((await account(email))!.app).toMatchObject({ jobtrack_adult: true });
    const app = pages(harness, harness.context());
    expect((await app.whoIs(sessionCookie(confirmed!.headers)!))?.email).toBe(email);
    expect((await app.whoIs(sessionCookie(later.headers)!))?.email).toBe(email);
  });

  it('an account Supabase cannot read again is kept unused, never removed unsure', async () => {
    project.fake.fail({
      match: (r) => r.method === 'GET' && r.path.startsWith('/admin/users/'),
    });

    const landed = await google.roundTrip(google.fromSignIn());

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    const kept = await account(email);
    expect(kept!.app.jobtrack_adult).toBeUndefined();
    expect(await sessionsOf(kept!.id)).toEqual([]);
  });
});

describe('An existing account signs in with Google as before (supabase)', () => {
  it('one made by email sign-up (which asked for the box) is signed in and keeps its password', async () => {
    const app = pages(harness, harness.context());
    await app.confirmedAccount(email);

    const landed = await google.roundTrip(google.fromSignIn('/applications'));

    expect(landed.headers.get('Location')).toBe('/applications');
    const cookie = sessionCookie(landed.headers)!;
    expect((await app.whoIs(cookie))?.email).toBe(email);
    expect((await account(email))!.app).toMatchObject({ providers: ['email', 'google'] });
    // Google's name and picture are not kept on an email account either.
    expect(Object.keys((await account(email))!.user).sort()).toEqual(KEPT_KEYS);
    expect((await app.signIn(email, PASSWORD)).status).toBe(302);
  });

  it('one made by a Google sign-up with the box is signed in later, with its applications', async () => {
    const first = await google.roundTrip(google.fromSignUp());
    const app = pages(harness, harness.context());
    const me = await app.whoIs(sessionCookie(first.headers)!);
    await harness.admin()`insert into jobtrack.applications (user_id, company, role, status)
      values (${me!.id}, 'HM Revenue & Customs', 'Executive Officer', 'saved')`;
    advanceClock(3600);

    const landed = await google.roundTrip(google.fromSignIn());

    expect(landed.headers.get('Location')).toBe('/');
    expect((await app.whoIs(sessionCookie(landed.headers)!))?.id).toBe(me!.id);
    expect(
      await harness.admin()`select 1 from jobtrack.applications where user_id = ${me!.id}`,
    ).toHaveLength(1);
  });

  it('an unmarked Google account older than the sign-in (made before the question) is asked, never removed', async () => {
    const first = await google.roundTrip(google.fromSignUp());
    const app = pages(harness, harness.context());
    const me = await app.whoIs(sessionCookie(first.headers)!);
    await harness.admin()`insert into jobtrack.applications (user_id, company, role, status)
      values (${me!.id}, 'Leeds City Council', 'Housing Officer', 'applied')`;
    // As an account made by Google sign-in before it asked for the age.
    await project.fake.handle(
      new Request(`${SUPABASE_URL}/auth/v1/admin/users/${me!.id}`, {
        method: 'PUT',
        headers: {
          apikey: SUPABASE_SECRET_KEY,
          Authorization: `Bearer ${SUPABASE_SECRET_KEY}`,
        },
        body: JSON.stringify({ app_metadata: { jobtrack_adult: null } }),
      }),
    );
    advanceClock(3600);

    const refused = await google.roundTrip(google.fromSignIn());
    const landed = await google.roundTrip(google.fromSignUp());

    expect(refused.headers.get('Location')).toBe('/signup?notice=google-age');
    expect(sessionCookie(refused.headers)).toBeUndefined();
    expect(landed.headers.get('Location')).toBe('/');
    expect((await app.whoIs(sessionCookie(landed.headers)!))?.id).toBe(me!.id);
    expect((await account(email))!.app).toMatchObject({ jobtrack_adult: true });
    expect(
      await harness.admin()`select 1 from jobtrack.applications where user_id = ${me!.id}`,
    ).toHaveLength(1);
  });
});

describe('The age mark in the callback URL (supabase)', () => {
  it('typed by hand on a sign-in from the sign-in page, does what ticking the box does, and no more', async () => {
    const pressed = await google.fromSignIn('/applications');
    const back = await google.atGoogle(pressed.started.headers.get('Location')!);
    back.searchParams.set('age', 'confirmed');
    back.searchParams.set('next', 'https://evil.example/');

    const landed = await google.land(pressed, back);

    // Kept and marked, exactly as after the sign-up page's box; still never off the site.
    expect(landed.headers.get('Location')).toBe('/');
    expect(sessionCookie(landed.headers)).toBeDefined();
    expect((await account(email))!.app).toMatchObject({ provider: 'google', jobtrack_adult: true });
  });

  it('counts only as age=confirmed itself: another value, or one inside next, is no mark', async () => {
    for (const forged of [{ age: 'yes' }, { age: 'CONFIRMED' }, { next: '/?age=confirmed' }]) {
      const pressed = await google.fromSignIn();
      const back = await google.atGoogle(pressed.started.headers.get('Location')!);
      for (const [key, value] of Object.entries(forged)) back.searchParams.set(key, value);

      const landed = await google.land(pressed, back);

      expect(landed.headers.get('Location'), JSON.stringify(forged)).toBe(
        '/signup?notice=google-age',
      );
      expect(await account(email)).toBeUndefined();
    }
  });

  it('changes nothing on an account made by email sign-up', async () => {
    await pages(harness, harness.context()).confirmedAccount(email);
    const pressed = await google.fromSignIn();
    const back = await google.atGoogle(pressed.started.headers.get('Location')!);
    back.searchParams.set('age', 'confirmed');

    const landed = await google.land(pressed, back);

    expect(sessionCookie(landed.headers)).toBeDefined();
    expect((await account(email))!.app.jobtrack_adult).toBeUndefined();
  });

  it('without a code from Google signs nobody in and makes nothing', async () => {
    const pressed = await google.fromSignIn();
    const landed = await runLoader(
      callbackLoader,
      get('/auth/callback?age=confirmed&code=made-up', {
        cookie: cookiePairs(pressed.started.headers)[0],
      }),
      { context: pressed.context },
    );

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-failed');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    expect(await account(email)).toBeUndefined();
  });
});

describe('When the mark cannot be written (supabase)', () => {
  it('nobody is signed in, and the sign-up page says Google did not complete', async () => {
    project.fake.fail({ match: (r) => r.method === 'PUT' && r.path.startsWith('/admin/users/') });

    const landed = await google.roundTrip(google.fromSignUp());

    expect(landed.headers.get('Location')).toBe('/signup?notice=google-failed');
    expect(sessionCookie(landed.headers)).toBeUndefined();
    const left = await account(email);
    expect(left!.app.jobtrack_adult).toBeUndefined();
    expect(await sessionsOf(left!.id)).toEqual([]);
  });
});
