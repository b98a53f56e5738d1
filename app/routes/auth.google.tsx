import { redirect, type ActionFunctionArgs } from '@remix-run/cloudflare';
import { authFor } from '~/auth/auth.server';
import { offersGoogle } from '~/auth/google-button';
import { readForm } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';
import { safeRedirect } from '~/http/safe-redirect';

// "Sign in with Google" posts here (a POST: it sets the sign-in's verifier cookie). The answer is
// a redirect to Google through Supabase; Google sends the person back to /auth/callback.

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = authFor(context);
  if (!offersGoogle(context.config) || !auth.startGoogleSignIn) {
    throw new Response('Sign in with Google is not offered here.', { status: 404 });
  }
  const form = await readForm(request);
  const next = safeRedirect(form.get('redirectTo'), '/');
  const started = await auth.startGoogleSignIn(request, { next });
  if (!started.ok) throw redirect(withNotice('/signin', 'google-failed'));
  throw redirect(started.url, { headers: started.headers });
}
