import type { LinksFunction, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import { todayInLondon } from '~/applications/dates';
import { guestApplications } from '~/guest/applications';
import { guestStatsFacts } from '~/guest/stats';
import { StatsPage } from '~/stats/stats-page';
import href from '~/stats/stats.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href }];

export const meta: MetaFunction = () => [{ title: 'Stats · Guest · JobTrack' }];

export async function clientLoader() {
  const today = todayInLondon();
  return { today, facts: guestStatsFacts(await guestApplications(), today) };
}

export default function GuestStats() {
  const { facts, today } = useLoaderData<typeof clientLoader>();
  return <StatsPage facts={facts} today={today} />;
}
