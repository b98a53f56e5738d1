import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { parseWithZod } from '@conform-to/zod';
import { StatusChangeSchema } from '~/applications/application-schema';
import { changeStatus } from '~/applications/mutations.server';
import { getUserClaim, SessionEnded } from '~/auth/current-user.server';
import { readForm } from '~/components/forms/form.server';
import { notFound, requireUuid } from '~/http/not-found.server';

// The board's moves with JavaScript: one status change answered as JSON, so the page can keep its
// optimistic move and say it with Undo beside it, or put the card back with a message. Without
// JavaScript the board's own forms post to the board, which redirects back to it.

const SIGNED_OUT = 'You have been signed out. Sign in again, then make the move again.';

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = requireUuid(params.id);
  const formData = await readForm(request);
  const signedOut = () => Response.json({ error: SIGNED_OUT }, { status: 401 });
  const user = await getUserClaim(request, context);
  if (!user) return signedOut();
  const submission = parseWithZod(formData, { schema: StatusChangeSchema });
  if (submission.status !== 'success') {
    return Response.json({ error: 'Choose a status from the list' }, { status: 400 });
  }
  try {
    const moved = await changeStatus(context, user, id, submission.value.status);
    if (!moved.found) throw notFound();
    // The history entry the move made (null if it already had that status), for "Undo this move".
    return Response.json({ status: submission.value.status, change: moved.change });
  } catch (error) {
    // The session was found to have ended in the same round trip as the move, which did not run.
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
}
