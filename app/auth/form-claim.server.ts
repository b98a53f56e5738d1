// Who a form's POST claims to be, for actions whose write checks the claim in its own round trip
// (decision 011). A form refused for its session never loses what was typed: 401 (signed out) or
// 503 (the sign-in service is down) with every value, and the page's loader shows it again.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { refuse } from '~/components/forms/form.server';
import { AUTH_UNAVAILABLE, getUserClaimForForm, noteSignedOutForm } from './current-user.server';
import { UNAVAILABLE } from './replies.server';
import { SIGNED_OUT_MESSAGE } from './signed-out';

/**
 * The claim, with `signedOut()` for a write that then finds the session over; or the refusal to
 * answer with at once.
 */
export async function claimForForm(request: Request, context: AppLoadContext, formData: FormData) {
  const signedOut = () => {
    noteSignedOutForm(context);
    return refuse(formData, SIGNED_OUT_MESSAGE, { status: 401 });
  };
  const user = await getUserClaimForForm(request, context);
  if (user === AUTH_UNAVAILABLE) {
    noteSignedOutForm(context);
    const headers = { 'Retry-After': '30' };
    return { ok: false as const, refused: refuse(formData, UNAVAILABLE, { status: 503, headers }) };
  }
  if (!user) return { ok: false as const, refused: signedOut() };
  return { ok: true as const, user, signedOut };
}
