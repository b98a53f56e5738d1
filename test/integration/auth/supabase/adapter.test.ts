// What only the Supabase adapter has to show: how Supabase's failures reach the person, which
// cookies it sets, that the session is verified without asking Supabase, and that row-level
// security sees the Supabase user id as it sees a local one.
import { describe, expect, it, vi } from 'vitest';
import { getUser } from '~/auth/current-user.server';
import { RESET_INTERRUPTED, UNAVAILABLE } from '~/auth/replies.server';
import { loader as listLoader } from '~/routes/applications._index';
import * as newApplication from '~/routes/applications.new';
import { SUPABASE_SECRET_KEY } from '../../../mocks/supabase-auth';
import { cookieFrom, formPost, get, runDocumentPost } from '../../../support/http';
import { newEmail, pages, PASSWORD } from '../behaviours/driver';
import { supabaseHarness } from './harness';

const { harness, project, advanceClock } = supabaseHarness();

const requestsTo = (path: string, method = 'GET') =>
  project.fake.state.requests.filter((r) => r.path === path && r.method === method).length;

describe('Supabase failures (supabase)', () => {
  it('a sign-in Supabase does not answer gets a calm message, the email kept, and no cookie', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    project.fake.fail({ match: (r) => r.path === '/token', status: 503 });
    project.fake.fail({ match: (r) => r.path === '/token', network: true });

    const down = await app.signIn(person.email, person.password);
    const unreachable = await app.signIn(person.email, person.password);

    for (const outcome of [down, unreachable]) {
      expect(outcome.status).toBe(503);
      expect(outcome.data.error['']).toEqual([UNAVAILABLE]);
      expect(outcome.data.initialValue.email).toBe(person.email);
      expect(JSON.stringify(outcome.data)).not.toContain(person.password);
      expect(outcome.headers.get('Set-Cookie')).toBeNull();
    }
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
  });

  it('a deletion Supabase refuses deletes nothing and says so calmly', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    project.fake.fail({ match: (r) => r.path.startsWith('/admin/users/'), status: 500 });

    const outcome = await app.deleteAccount(person.cookie, person.password);

    expect(outcome.status).toBe(503);
    expect(outcome.data.error['']).toEqual([UNAVAILABLE]);
    expect(await harness.admin()`select 1 from auth.users where id = ${person.id}`).toHaveLength(1);
    expect((await app.whoIs(person.cookie))?.id).toBe(person.id);
  });

  it('a reset whose new password Supabase did not save after the link was spent says so truthfully', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.askForReset(person.email);
    const link = await app.linkIn(person.email, 'recovery', '/reset-password');
    project.fake.fail({ match: (r) => r.path === '/user' && r.method === 'PUT', status: 503 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const outcome = await app.resetWith(link, 'lantern meadow quietly');

    warn.mockRestore();
    expect(outcome.status).toBe(503);
    expect(outcome.data.error['']).toEqual([RESET_INTERRUPTED]);
    expect(JSON.stringify(outcome.data)).not.toContain('lantern meadow quietly');
    expect((await app.signIn(person.email, person.password)).status).toBe(302);
  });

  it('signing out while Supabase is down still clears the cookie', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    project.fake.fail({ match: (r) => r.path === '/logout', status: 502 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const outcome = await app.signOut(person.cookie);

    warn.mockRestore();
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Set-Cookie')).toMatch(/^jobtrack_session=; Max-Age=0/);
  });

  it('a Supabase email limit (429) gets the same answer as a sent link', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    project.fake.fail({
      match: (r) => r.path === '/otp',
      status: 429,
      code: 'over_email_send_rate_limit',
      message: 'For security purposes, you can only request this after 41 seconds.',
    });

    const refused = await app.askForMagicLink(person.email);
    const sent = await app.askForMagicLink(person.email);

    expect(refused.status).toBe(302);
    expect(refused.headers.get('Location')).toBe(sent.headers.get('Location'));
  });
});

describe('Supabase cookies (supabase)', () => {
  it('sets exactly one cookie, the session, even for a very long email address', async () => {
    const app = pages(harness, harness.context());
    const email = `${'a'.repeat(60)}.${'b'.repeat(60)}-${newEmail()}`;
    const person = await app.confirmedAccount(email);

    const outcome = await app.signIn(person.email, person.password);

    const cookies = outcome.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^jobtrack_session=base64-/);
    expect(cookies[0]).toMatch(/; Max-Age=2592000;/);
    expect(outcome.headers.get('Cache-Control')).toMatch(/no-store/);
  });

  it('sign-up, sign-in links and resets set no cookie (no PKCE verifier)', async () => {
    const app = pages(harness, harness.context());
    const email = newEmail();

    const outcomes = [
      await app.signUp(email),
      await app.askForMagicLink(email),
      await app.askForReset(email),
    ];

    for (const outcome of outcomes) expect(outcome.headers.getSetCookie()).toEqual([]);
    const signups = project.fake.state.requests.filter((r) => r.path === '/signup');
    expect(signups.at(-1)?.query).toMatchObject({
      redirect_to: 'http://localhost:8787/auth/confirm',
    });
  });

  it('never sends the secret key to the browser', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();

    const outcome = await app.deleteAccount(person.cookie, person.password);

    expect(outcome.status).toBe(302);
    expect(JSON.stringify([...outcome.headers])).not.toContain(SUPABASE_SECRET_KEY);
  });
});

describe('Supabase sessions (supabase)', () => {
  it('verifies the session with the project’s signing keys, without asking Supabase who it is', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    await app.whoIs(person.cookie);
    const before = { user: requestsTo('/user'), keys: requestsTo('/.well-known/jwks.json') };

    for (let i = 0; i < 3; i++) expect((await app.whoIs(person.cookie))?.id).toBe(person.id);

    expect(requestsTo('/user')).toBe(before.user);
    expect(requestsTo('/.well-known/jwks.json')).toBe(before.keys);
  });

  it('signs nobody in whose account Supabase has banned or soft-deleted, though the session row stays', async () => {
    const app = pages(harness, harness.context());
    const banned = await app.confirmedAccount();
    const deleted = await app.confirmedAccount();
    expect((await app.whoIs(banned.cookie))?.id).toBe(banned.id);

    await harness.admin()`update auth.users set banned_until = now() + interval '1 day'
      where id = ${banned.id}`;
    await harness.admin()`update auth.users set deleted_at = now() where id = ${deleted.id}`;

    expect(await app.whoIs(banned.cookie)).toBeNull();
    expect(await app.whoIs(deleted.cookie)).toBeNull();
  });

  it('signs nobody in with a cookie whose token was changed', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const [name, value] = person.cookie.split('=') as [string, string];
    const session = JSON.parse(Buffer.from(value.slice('base64-'.length), 'base64url').toString());
    const [head, body, signature] = session.access_token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, sub: crypto.randomUUID() }));
    session.access_token = `${head}.${forgedBody.toString('base64url')}.${signature}`;
    session.refresh_token = 'notarealtoken';
    const forged = `${name}=base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`;

    expect(await app.whoIs(forged)).toBeNull();
  });

  it('signs nobody in, without an error page, with a cookie whose token header is crafted', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const [name, value] = person.cookie.split('=') as [string, string];
    const session = JSON.parse(Buffer.from(value.slice('base64-'.length), 'base64url').toString());
    const [, body, signature] = session.access_token.split('.');
    const encode = (text: string) => Buffer.from(text).toString('base64url');
    const headers = [
      JSON.stringify({ alg: 'none', typ: 'JWT' }),
      JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'x' }),
      'not json',
      'null',
    ];

    for (const header of headers) {
      const crafted = { ...session, access_token: `${encode(header)}.${body}.${signature}` };
      const cookie = `${name}=base64-${encode(JSON.stringify(crafted))}`;
      expect(await app.whoIs(cookie), header).toBeNull();
    }
  });

  it('signs nobody in with a validly signed token that is anonymous, not a signed-in role, or malformed', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const [name, value] = person.cookie.split('=') as [string, string];
    const session = JSON.parse(Buffer.from(value.slice('base64-'.length), 'base64url').toString());
    const claims = JSON.parse(
      Buffer.from(session.access_token.split('.')[1], 'base64url').toString(),
    );
    // Each keeps the real session and user, so only the claim's own checks can refuse it.
    for (const changed of [
      { is_anonymous: true },
      { email: '' },
      { email: 12345 },
      { role: 'anon' },
      { role: 'service_role' },
      { sub: 12345 },
      { sub: 'not-a-uuid' },
      { session_id: 'not-a-uuid' },
    ]) {
      const token = await project.fake.sign({ ...claims, ...changed });
      const cookie = `${name}=base64-${Buffer.from(JSON.stringify({ ...session, access_token: token })).toString('base64url')}`;
      expect(await app.whoIs(cookie), JSON.stringify(changed)).toBeNull();
    }
  });

  it('runs the person’s queries under row-level security as their Supabase user id', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    const neighbour = await app.confirmedAccount();
    for (const [who, company] of [
      [person, 'Mine Ltd'],
      [neighbour, 'Theirs Ltd'],
    ] as const) {
      await harness.admin()`insert into jobtrack.applications (user_id, company, role, status)
        values (${who.id}, ${company}, 'Analyst', 'applied')`;
    }

    const user = await getUser(get('/applications', { cookie: person.cookie }), app.context);
    const { runLoader } = await import('../../../support/http');
    const list = await runLoader(listLoader, get('/applications', { cookie: person.cookie }), {
      context: app.context,
    });

    expect(user?.id).toBe(person.id);
    expect(JSON.stringify(list.data)).toContain('Mine Ltd');
    expect(JSON.stringify(list.data)).not.toContain('Theirs Ltd');
  });

  it('a session cookie from sign-in works for the next request (one cookie, read back)', async () => {
    const app = pages(harness, harness.context());
    const email = newEmail();
    await app.confirmedAccount(email);

    const signedIn = await app.signIn(email, PASSWORD);

    expect((await app.whoIs(cookieFrom(signedIn)))?.email).toBe(email);
  });
});

describe('Sign in with Google switched off (supabase)', () => {
  it('shows no button and answers 404 to a Google sign-in POST', async () => {
    const { loader } = await import('~/routes/signin');
    const { action } = await import('~/routes/auth.google');
    const { formPost, runAction, runLoader } = await import('../../../support/http');
    const context = harness.context();

    const page = await runLoader(loader, get('/signin'), { context });
    const start = await runAction(action, formPost('/auth/google', {}), { context });

    expect(page.data.google).toBe(false);
    expect(start.status).toBe(404);
    expect(start.data).toBe('Sign in with Google is not offered here.');
  });
});

describe('Supabase session refresh (supabase)', () => {
  it('a form posted when Supabase refuses to refresh the session (429) is shown again with its values, and the cookie kept', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    advanceClock(project.fake.jwtExp + 1);
    const context = harness.context();
    project.fake.fail({
      match: (r) => r.path === '/token',
      status: 429,
      code: 'over_request_rate_limit',
      message: 'Request rate limit reached',
    });
    const typed = { company: 'Acme Ltd', role: 'Data analyst', notes: 'Spoke to Sam on Tuesday' };
    // auth-js itself logs a failed refresh.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const { action, loader } = await runDocumentPost(
      newApplication,
      formPost('/applications/new', typed, { cookie: person.cookie }),
      { context },
    );

    logged.mockRestore();

    expect(action.status).toBe(503);
    expect(action.data.error['']).toEqual([UNAVAILABLE]);
    expect(action.data.initialValue).toMatchObject(typed);
    expect(action.headers.get('Set-Cookie')).toBeNull();
    expect(loader.status).toBe(200);
    const { withRefreshedSession } = await import('~/auth/supabase/refreshed-session.server');
    expect(
      withRefreshedSession(context, new Response('page')).headers.get('Set-Cookie'),
    ).toBeNull();
    expect((await app.whoIs(person.cookie))?.id).toBe(person.id);
  });

  it('a page that refreshed an expiring session sends the new cookie, which keeps working', async () => {
    const { withRefreshedSession } = await import('~/auth/supabase/refreshed-session.server');
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount();
    // Inside the last 90 seconds of the access token, reading the session refreshes it first.
    advanceClock(project.fake.jwtExp - 60);
    const context = harness.context();

    const user = await getUser(get('/', { cookie: person.cookie }), context);
    const response = withRefreshedSession(context, new Response('page'));

    expect(user?.id).toBe(person.id);
    const refreshed = response.headers.getSetCookie();
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatch(/^jobtrack_session=base64-/);
    expect(response.headers.get('Cache-Control')).toMatch(/no-store/);
    expect(await response.text()).toBe('page');
    expect((await app.whoIs(refreshed[0]!.split(';')[0]!))?.id).toBe(person.id);
  });

  it('a response that sets the session cookie itself keeps its own', async () => {
    const { keepRefreshedSession, withRefreshedSession } =
      await import('~/auth/supabase/refreshed-session.server');
    const context = harness.context();
    keepRefreshedSession(context, new Headers({ 'Set-Cookie': 'jobtrack_session=refreshed' }));

    const signedOut = withRefreshedSession(
      context,
      new Response(null, { headers: { 'Set-Cookie': 'jobtrack_session=; Max-Age=0' } }),
    );

    expect(signedOut.headers.getSetCookie()).toEqual(['jobtrack_session=; Max-Age=0']);
  });
});
