import { redirect, type AppLoadContext } from '@remix-run/cloudflare';
import { withNotice } from '~/components/notice';
import { authFor } from './auth.server';
import { offersGoogle } from './google-button';

/** Where a Google sign-in started: the sign-in page, or the sign-up page (with the age box). */
export type GoogleStart = '/signin' | '/signup';

/** Answers 404 unless this deployment offers Sign in with Google. */
export function requireGoogle(context: AppLoadContext) {
  const auth = authFor(context);
  if (!offersGoogle(context.config) || !auth.startGoogleSignIn || !auth.finishGoogleSignIn) {
    throw new Response('Sign in with Google is not offered here.', { status: 404 });
  }
  return auth as Required<typeof auth>;
}

/**
 * Sends the browser to Google (through Supabase) with the flow's verifier cookie: a redirect,
 * thrown. `adult` only from the sign-up page, whose form has just checked the age box.
 */
export async function goToGoogle(
  request: Request,
  context: AppLoadContext,
  { from, next }: { from: GoogleStart; next: string },
): Promise<never> {
  const started = await requireGoogle(context).startGoogleSignIn(request, {
    next,
    adult: from === '/signup',
  });
  if (!started.ok) throw redirect(withNotice(from, 'google-failed'));
  throw redirect(started.url, { headers: started.headers });
}
