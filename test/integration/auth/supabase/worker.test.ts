// The Supabase mode through the Worker's own fetch (server.ts → Remix → the routes), as a
// browser without JavaScript uses it: plain form POSTs and redirects.
import { describe, expect, it } from 'vitest';
import { SUPABASE_ENV } from '../../../mocks/supabase-auth';
import { ORIGIN } from '../../../support/http';
import { fetchWorker } from '../../../support/worker';
import { newEmail, pages } from '../behaviours/driver';
import { supabaseHarness } from './harness';

const { harness, db } = supabaseHarness({ google: { email: 'g@example.com', name: 'G' } });
const env = { ...SUPABASE_ENV, GOOGLE_SIGN_IN: 'on' } as Partial<Env>;

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  new Request(new URL(path, ORIGIN), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: ORIGIN,
      // workerd always hands the Worker a Host header; Remix compares it with Origin on actions.
      Host: new URL(ORIGIN).host,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });

describe('Supabase mode through the Worker (supabase)', () => {
  it('signs in with a plain form, opens a signed-in page with the cookie, and signs out', async () => {
    const app = pages(harness, harness.context());
    const person = await app.confirmedAccount(newEmail());

    const signedIn = await fetchWorker(
      post('/signin', { email: person.email, password: person.password }),
      db.url,
      env,
    );
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const account = await fetchWorker(
      new Request(new URL('/account', ORIGIN), { headers: { Cookie: cookie } }),
      db.url,
      env,
    );
    const signedOut = await fetchWorker(post('/signout', {}, cookie), db.url, env);

    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.getSetCookie()).toHaveLength(1);
    expect(signedIn.headers.get('Cache-Control')).toBe('no-store');
    expect(account.status).toBe(200);
    expect(account.body).toContain(person.email);
    expect(signedOut.headers.get('Set-Cookie')).toMatch(/^jobtrack_session=; Max-Age=0/);
  });

  it('shows the Google button as a form, and lets that form go to Supabase and Google', async () => {
    const page = await fetchWorker(new Request(new URL('/signin', ORIGIN)), db.url, env);

    expect(page.body).toMatch(/<form[^>]*action="\/auth\/google"/);
    expect(page.body).toContain('Sign in with Google');
    expect(page.headers.get('Content-Security-Policy')).toContain(
      "form-action 'self' https://abcdefghijklmnop.supabase.co https://accounts.google.com",
    );
    const start = await fetchWorker(post('/auth/google', { redirectTo: '/' }), db.url, env);
    expect(start.status).toBe(302);
    expect(start.headers.get('Location')).toMatch(
      /^https:\/\/abcdefghijklmnop\.supabase\.co\/auth\/v1\/authorize\?provider=google/,
    );
  });

  it('offers Continue with Google in the sign-up form, under its age box, without JavaScript', async () => {
    const page = await fetchWorker(new Request(new URL('/signup', ORIGIN)), db.url, env);

    // One form: its age box, then Create account, then the Google button, which sends the form
    // without the browser's required-field checks (the email and password are not its business).
    const form = page.body.match(/<form[^>]*method="post"[^>]*>[\s\S]*?<\/form>/)![0];
    const order = ['I am 18 or over', 'Create account', 'Continue with Google'].map((text) =>
      form.indexOf(text),
    );
    expect(order.every((at, i) => at > (order[i - 1] ?? -1))).toBe(true);
    expect(form).toMatch(/<button[^>]*formNoValidate=""[^>]*name="intent"[^>]*value="google"/i);
    expect(page.headers.get('Content-Security-Policy')).toContain(
      "form-action 'self' https://abcdefghijklmnop.supabase.co https://accounts.google.com",
    );

    const refused = await fetchWorker(
      post('/signup', { intent: 'google', email: 'a@b.co' }),
      db.url,
      env,
    );
    const started = await fetchWorker(
      post('/signup', { intent: 'google', adult: 'on' }),
      db.url,
      env,
    );

    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Confirm that you are 18 or over');
    expect(refused.body).toContain('value="a@b.co"');
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(started.status).toBe(302);
    expect(new URL(started.headers.get('Location')!).searchParams.get('redirect_to')).toBe(
      `${ORIGIN}/auth/callback?age=confirmed`,
    );
  });
});
