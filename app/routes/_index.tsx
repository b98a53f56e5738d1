import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import { Dashboard } from '~/applications/dashboard';
import { londonNow } from '~/applications/dates';
import { Landing } from '~/components/landing';
import { loadDashboard } from '~/applications/dashboard.server';
import { getUserClaim, SessionEnded } from '~/auth/current-user.server';
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
    dashboard = await loadDashboard(context, user, now);
  } catch (error) {
    // The cookie named a session that has ended: the visitor is signed out.
    if (error instanceof SessionEnded) return signedOut;
    throw error;
  }
  return {
    signedIn: true as const,
    now,
    notice: noticeFor(request, ['password-reset']),
    ...dashboard,
  };
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  if (data.signedIn) {
    return (
      <>
        <Notice message={data.notice} />
        <Dashboard {...data} />
      </>
    );
  }
  return (
    <>
      <Notice message={data.notice} />
      <Landing />
    </>
  );
}
