import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import { todayInLondon } from '~/applications/dates';
import { requireUserClaim } from '~/auth/current-user.server';
import { loadStats } from '~/stats/stats.server';
import { StatsPage } from '~/stats/stats-page';
import href from '~/stats/stats.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href }];

export const meta: MetaFunction = () => [{ title: 'Stats · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const today = todayInLondon();
  return { today, facts: await loadStats(context, user, today) };
}

export default function Stats() {
  const { facts, today } = useLoaderData<typeof loader>();
  return <StatsPage facts={facts} today={today} />;
}
