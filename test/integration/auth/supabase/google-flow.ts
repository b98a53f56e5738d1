// A browser's way through Sign in with Google, against the fake project: press a button (the
// sign-in page's, or the sign-up page's with its age box), follow Supabase to the fake Google
// page, answer there, and land on the app's callback with the verifier cookie the press set.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { action as googleAction } from '~/routes/auth.google';
import { loader as callbackLoader } from '~/routes/auth.callback';
import { action as signupAction } from '~/routes/signup';
import { SUPABASE_URL } from '../../../mocks/supabase-auth';
import type { FakeSupabaseAuth } from '../../../mocks/supabase/fake-auth';
import { formPost, get, runAction, runLoader, type Outcome } from '../../../support/http';
import type { AccountHarness } from '../behaviours/harness';

/** The `name=value` pairs a browser would send back after these Set-Cookie headers. */
export const cookiePairs = (headers: Headers) =>
  headers.getSetCookie().map((c) => c.split(';')[0]!);

/** The session cookie among these headers' Set-Cookie, as a Cookie header, or undefined. */
export const sessionCookie = (headers: Headers) =>
  cookiePairs(headers).find((c) => c.startsWith('jobtrack_session='));

/** What is kept of Google's profile in the user's metadata (migration 0017 keeps the same). */
export const KEPT_KEYS = ['email', 'email_verified', 'provider_id', 'sub'];

/** The "Continue with Google" button's fields on the sign-up page, with the box ticked. */
export const GOOGLE_SIGN_UP = { intent: 'google', adult: 'on' } as const;

export function googleFlow(harness: AccountHarness, project: { fake: FakeSupabaseAuth }) {
  /** A button was pressed: the app's answer, and the context its request ran in. */
  type Started = { context: AppLoadContext; started: Outcome };

  /** Presses the sign-in page's "Sign in with Google". */
  async function fromSignIn(redirectTo = '/', cookie?: string): Promise<Started> {
    const context = harness.context();
    const request = formPost('/auth/google', { redirectTo }, { cookie });
    return { context, started: await runAction(googleAction, request, { context }) };
  }

  /** Presses the sign-up page's "Continue with Google" with these fields of its form. */
  async function fromSignUp(
    fields: Record<string, string> = GOOGLE_SIGN_UP,
    cookie?: string,
  ): Promise<Started> {
    const context = harness.context();
    const request = formPost('/signup', fields, { cookie });
    return { context, started: await runAction(signupAction, request, { context }) };
  }

  /** The browser follows Supabase → the fake Google page → Continue or Cancel → the callback URL. */
  async function atGoogle(authorize: string, choice: 'continue' | 'cancel' = 'continue') {
    const toGoogle = await project.fake.handle(new Request(authorize));
    const page = new URL(toGoogle.headers.get('Location')!);
    const state = page.searchParams.get('state')!;
    const answer = choice === 'continue' ? `code=google-code` : 'error=access_denied';
    const back = await project.fake.handle(
      new Request(`${SUPABASE_URL}/auth/v1/callback?state=${state}&${answer}`),
    );
    return new URL(back.headers.get('Location')!);
  }

  /** Opens the callback URL in the browser that pressed the button (its verifier cookie). */
  async function land({ context, started }: Started, back: URL, cookie?: string) {
    const cookies = [...cookiePairs(started.headers), ...(cookie ? [cookie] : [])].join('; ');
    const request = get(`${back.pathname}${back.search}`, { cookie: cookies || undefined });
    return runLoader(callbackLoader, request, { context });
  }

  /** The whole round trip from a press to the callback's answer, continuing at Google. */
  async function roundTrip(press: Promise<Started>, cookie?: string) {
    const pressed = await press;
    const back = await atGoogle(pressed.started.headers.get('Location')!);
    return land(pressed, back, cookie);
  }

  return { fromSignIn, fromSignUp, atGoogle, land, roundTrip };
}
