// Sign in with Google through Supabase (OAuth with PKCE), against the fake project: Google's
// consent page is the fake's own, reached the way a browser would follow the redirects.
import { beforeEach, describe, expect, it } from 'vitest';
import { action as googleAction } from '~/routes/auth.google';
import { loader as signinLoader } from '~/routes/signin';
import { SUPABASE_URL } from '../../../mocks/supabase-auth';
import { formPost, get, ORIGIN, runAction, runLoader } from '../../../support/http';
import { pages } from '../behaviours/driver';
import { googleFlow, KEPT_KEYS, sessionCookie } from './google-flow';
import { supabaseHarness } from './harness';

const GOOGLE = {
  email: `${'g'.repeat(150)}.long.address@example.com`,
  name: 'Priya Shah',
};
const { harness, project } = supabaseHarness({ google: GOOGLE });
const google = googleFlow(harness, project);

// Each test signs in at Google as a person of its own.
let person = GOOGLE;
let n = 0;
beforeEach(() => {
  n += 1;
  person = { ...GOOGLE, email: `${n}.${GOOGLE.email}` };
  project.fake.signInAtGoogleAs(person);
});

describe('Sign in with Google (supabase)', () => {
  it('starts with a redirect to Supabase and one short-lived verifier cookie, and nothing else', async () => {
    const { started } = await google.fromSignIn('/applications');

    expect(started.status).toBe(302);
    const authorize = new URL(started.headers.get('Location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${SUPABASE_URL}/auth/v1/authorize`);
    expect(authorize.searchParams.get('provider')).toBe('google');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('s256');
    expect(authorize.searchParams.get('redirect_to')).toBe(
      `${ORIGIN}/auth/callback?next=%2Fapplications`,
    );
    const cookies = started.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^jobtrack_session-code-verifier=/);
    expect(cookies[0]).toMatch(/Max-Age=600/);
    expect(cookies[0]).toMatch(/HttpOnly/);
    expect(cookies[0]).toMatch(/SameSite=Lax/);
  });

  it('signs the person in at the callback, removes the verifier, and keeps only the email', async () => {
    await google.roundTrip(google.fromSignUp());
    const pressed = await google.fromSignIn('/applications');
    const back = await google.atGoogle(pressed.started.headers.get('Location')!);
    expect(back.pathname).toBe('/auth/callback');

    const landed = await google.land(pressed, back);

    expect(landed.status).toBe(302);
    expect(landed.headers.get('Location')).toBe('/applications');
    const cookies = landed.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies.find((c) => c.startsWith('jobtrack_session-code-verifier='))).toMatch(
      /Max-Age=0/,
    );
    // One cookie, however long the address: tokens only, never chunked into .0/.1.
    expect(cookies.some((c) => /^jobtrack_session\.\d=/.test(c))).toBe(false);
    const app = pages(harness, pressed.context);
    const cookie = sessionCookie(landed.headers)!;
    expect((await app.whoIs(cookie))?.email).toBe(person.email);
    const [row] = await harness.admin()<{ meta: Record<string, unknown> }[]>`
      select raw_user_meta_data as meta from auth.users where email = ${person.email}`;
    expect(Object.keys(row!.meta).sort()).toEqual(KEPT_KEYS);
    const token = JSON.parse(
      Buffer.from(cookie.split('=')[1]!.slice('base64-'.length), 'base64url').toString(),
    ).access_token as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(JSON.stringify(claims)).not.toContain(GOOGLE.name);
    expect(JSON.stringify(claims)).not.toContain('googleusercontent');
  });

  it('answers an unreadable form with 400, and sets no verifier cookie', async () => {
    const request = new Request(`${ORIGIN}/auth/google`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', Origin: ORIGIN },
      body: 'not a multipart body',
    });

    const outcome = await runAction(googleAction, request, { context: harness.context() });

    expect(outcome.status).toBe(400);
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
  });

  it('brings a person who cancels at Google back to a calm message, signed out, verifier gone', async () => {
    const pressed = await google.fromSignIn();
    const back = await google.atGoogle(pressed.started.headers.get('Location')!, 'cancel');

    const landed = await google.land(pressed, back);

    expect(landed.status).toBe(302);
    expect(landed.headers.get('Location')).toBe('/signin?notice=google-cancelled');
    expect(landed.headers.getSetCookie()).toHaveLength(1);
    expect(landed.headers.get('Set-Cookie')).toMatch(/^jobtrack_session-code-verifier=; Max-Age=0/);
    const page = await runLoader(signinLoader, get('/signin?notice=google-cancelled'), {
      context: pressed.context,
    });
    expect(page.data.notice).toMatch(/cancelled, so you are not signed in/);
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const pressed = await google.fromSignIn();
    const back = await google.atGoogle(pressed.started.headers.get('Location')!);

    const elsewhere = await google.land(
      { ...pressed, started: { ...pressed.started, headers: new Headers() } },
      back,
    );

    expect(elsewhere.headers.get('Location')).toBe('/signin?notice=google-failed');
    expect(elsewhere.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
  });

  it('never sends anyone off the site, before or after Google', async () => {
    const { started } = await google.fromSignIn('//evil.example/x');
    const authorize = new URL(started.headers.get('Location')!);
    expect(authorize.searchParams.get('redirect_to')).toBe(`${ORIGIN}/auth/callback`);

    await google.roundTrip(google.fromSignUp());
    const pressed = await google.fromSignIn();
    const back = await google.atGoogle(pressed.started.headers.get('Location')!);
    back.searchParams.set('next', 'https://evil.example/');
    const landed = await google.land(pressed, back);
    expect(landed.headers.get('Location')).toBe('/');
    expect(sessionCookie(landed.headers)).toBeDefined();
  });

  it('shows the button on the sign-in page, as a plain form POST to /auth/google', async () => {
    const page = await runLoader(signinLoader, get('/signin'), { context: harness.context() });
    expect(page.data.google).toBe(true);
  });

  it('refuses a Google sign-in POST from another site (403)', async () => {
    const outcome = await runAction(
      googleAction,
      formPost('/auth/google', {}, { origin: 'https://evil.example' }),
      { context: harness.context() },
    );
    expect(outcome.status).toBe(403);
  });

  it('a Google-only account has no password: it chooses one, then can delete itself and every row', async () => {
    const landed = await google.roundTrip(google.fromSignUp());
    const cookie = sessionCookie(landed.headers)!;
    const app = pages(harness, harness.context());
    const me = await app.whoIs(cookie);
    await harness.admin()`insert into jobtrack.applications (user_id, company, role, status)
      values (${me!.id}, 'Acme Ltd', 'Analyst', 'applied')`;

    const before = await app.accountPage(cookie);
    const chosen = await app.choosePassword(cookie, 'lantern meadow quietly');
    const deleted = await app.deleteAccount(cookie, 'lantern meadow quietly');

    expect(before.data).toMatchObject({ email: person.email, hasPassword: false });
    expect(chosen.headers.get('Location')).toBe('/account?notice=password-set');
    expect(deleted.headers.get('Location')).toBe('/?notice=account-deleted');
    expect(await harness.admin()`select 1 from auth.users where id = ${me!.id}`).toEqual([]);
    expect(
      await harness.admin()`select 1 from jobtrack.applications where user_id = ${me!.id}`,
    ).toEqual([]);
  });
});
