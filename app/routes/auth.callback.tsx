import { redirect, type LoaderFunctionArgs } from '@remix-run/cloudflare';
import { requireGoogle } from '~/auth/google.server';
import { GOOGLE_AGE_PARAM } from '~/auth/port';
import { withNotice } from '~/components/notice';
import { safeRedirect } from '~/http/safe-redirect';

// Google (through Supabase) sends the person back here with a one-time code, or with
// error=access_denied when they cancelled. The code is exchanged for a session with the verifier
// kept in this browser's cookie since the sign-in started, so a code only works in the browser
// that asked for it. `next` is where to go afterwards, and can only be a path on this site.
// `age=confirmed` says the person ticked "I am 18 or over" on the sign-up page: without it, an
// account Google has just made is removed again (docs/decisions/028). Typing it by hand says no
// more than ticking the box.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireGoogle(context);
  const url = new URL(request.url);
  const adult = url.searchParams.get(GOOGLE_AGE_PARAM.name) === GOOGLE_AGE_PARAM.value;
  const result = await auth.finishGoogleSignIn(request, {
    code: url.searchParams.get('code'),
    error: url.searchParams.get('error'),
    adult,
  });
  if (result.ok) {
    throw redirect(safeRedirect(url.searchParams.get('next'), '/'), { headers: result.headers });
  }
  if (result.reason === 'age-unconfirmed') {
    throw redirect(withNotice('/signup', 'google-age'), { headers: result.headers });
  }
  // Back to the page the sign-in started from (only the sign-up page's carries the age mark).
  const from = adult ? '/signup' : '/signin';
  const notice = result.reason === 'cancelled' ? 'google-cancelled' : 'google-failed';
  throw redirect(withNotice(from, notice), { headers: result.headers });
}
