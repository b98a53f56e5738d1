import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { moveOrUndo } from '~/applications/actions.server';
import { MoveNotice } from '~/applications/move-notice';
import { splitUndoRefusal } from '~/applications/undo-move';
import { namedMove, noticeWithoutMove } from '~/applications/moved.server';
import { readForm } from '~/components/forms/form.server';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Dashboard } from '~/applications/dashboard';
import { londonNow } from '~/applications/dates';
import { Landing } from '~/components/landing';
import { GuestDataWaiting } from '~/guest/waiting';
import { loadDashboard } from '~/applications/dashboard.server';
import { getUserClaim, requireUserClaim, SessionEnded } from '~/auth/current-user.server';
import { Notice, noticeFor } from '~/components/notice';

export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.signedIn
      ? 'Dashboard · JobTrack'
      : 'JobTrack · Keep track of your job applications',
  },
  {
    name: 'description',
    content:
      'JobTrack keeps every job application in one place: dates, status, notes and what closes soon.',
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedOut = {
    signedIn: false as const,
    notice: noticeFor(request, ['account-deleted', 'signed-out']),
  };
  const user = await getUserClaim(request, context);
  if (!user) return signedOut;
  const now = londonNow();
  let dashboard;
  try {
    dashboard = await loadDashboard(context, user, now, namedMove(request));
  } catch (error) {
    // The cookie named a session that has ended: the visitor is signed out.
    if (error instanceof SessionEnded) return signedOut;
    throw error;
  }
  return {
    signedIn: true as const,
    now,
    ...dashboard,
    said: noticeWithoutMove(request),
  };
}

// The dashboard's one form: "Mark as ghosted", the same one-step status change as elsewhere, in
// one round trip (the change's transaction confirms the session; an ended one goes to sign in),
// and "Undo this move" beside what it did.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const formData = await readForm(request);
  return moveOrUndo(context, user, formData, '/');
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  const { undoRefused, errors } = splitUndoRefusal(useActionData<typeof action>());
  if (data.signedIn) {
    const notice = (
      <>
        <GuestDataWaiting />
        <MoveNotice
          move={data.move}
          notice={data.said}
          undoRefused={undoRefused}
          action="/?index"
          close="/"
        />
      </>
    );
    return <Dashboard {...data} errors={errors} notice={notice} />;
  }
  return (
    <>
      <Notice message={data.notice} />
      <Landing />
    </>
  );
}
