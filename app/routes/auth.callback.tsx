import { redirect, type LoaderFunctionArgs } from '@remix-run/cloudflare';
import { authFor } from '~/auth/auth.server';
import { withNotice } from '~/components/notice';
import { safeRedirect } from '~/http/safe-redirect';

// Google (through Supabase) sends the person back here with a one-time code, or with
// error=access_denied when they cancelled. The code is exchanged for a session with the verifier
// kept in this browser's cookie since the sign-in started, so a code only works in the browser
// that asked for it. `next` is where to go afterwards, and can only be a path on this site.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = authFor(context);
  if (!auth.finishGoogleSignIn) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  const result = await auth.finishGoogleSignIn(request, {
    code: url.searchParams.get('code'),
    error: url.searchParams.get('error'),
  });
  if (result.ok) {
    throw redirect(safeRedirect(url.searchParams.get('next'), '/'), { headers: result.headers });
  }
  const notice = result.reason === 'cancelled' ? 'google-cancelled' : 'google-failed';
  throw redirect(withNotice('/signin', notice), { headers: result.headers });
}
