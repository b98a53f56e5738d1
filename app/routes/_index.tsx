import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import styles from '~/applications/applications.css?url';
import { Dashboard } from '~/applications/dashboard';
import { todayInLondon } from '~/applications/dates';
import { Landing } from '~/components/landing';
import { loadDashboard } from '~/applications/queries.server';
import { getUser } from '~/auth/current-user.server';
import { Notice } from '~/components/notice';

const NOTICES = { 'account-deleted': 'Your account and all its data have been deleted.' };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

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
  const user = await getUser(request, context);
  if (!user)
    return { signedIn: false as const, notice: new URL(request.url).searchParams.get('notice') };
  const today = todayInLondon();
  const dashboard = await loadDashboard(context, user.id, today);
  return { signedIn: true as const, today, ...dashboard };
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  if (data.signedIn) return <Dashboard {...data} />;
  return (
    <>
      <Notice messages={NOTICES} notice={data.notice} />
      <Landing />
    </>
  );
}
