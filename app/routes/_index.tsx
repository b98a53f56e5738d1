import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import { Dashboard } from '~/applications/dashboard';
import { todayInLondon } from '~/applications/dates';
import { Landing } from '~/components/landing';
import { loadDashboard } from '~/applications/queries.server';
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
    notice: noticeFor(request, ['account-deleted']),
  };
  const user = await getUserClaim(request, context);
  if (!user) return signedOut;
  const today = todayInLondon();
  try {
    const dashboard = await loadDashboard(context, user, today);
    return { signedIn: true as const, today, ...dashboard };
  } catch (error) {
    // The cookie named a session that has ended: the visitor is signed out.
    if (error instanceof SessionEnded) return signedOut;
    throw error;
  }
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  if (data.signedIn) return <Dashboard {...data} />;
  return (
    <>
      <Notice message={data.notice} />
      <Landing />
    </>
  );
}
