import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { goToGoogle, requireGoogle } from '~/auth/google.server';
import { readForm } from '~/components/forms/form.server';
import { safeRedirect } from '~/http/safe-redirect';

// The sign-in page's "Sign in with Google" posts here (a POST: it sets the sign-in's verifier
// cookie). The answer is a redirect to Google through Supabase; Google sends the person back to
// /auth/callback. This button asks no age: it is for people who already have an account, and a
// first sign-in here makes none (docs/decisions/028). The sign-up page's button posts to /signup.

export async function action({ request, context }: ActionFunctionArgs) {
  requireGoogle(context);
  const form = await readForm(request);
  const next = safeRedirect(form.get('redirectTo'), '/');
  return goToGoogle(request, context, { from: '/signin', next });
}
