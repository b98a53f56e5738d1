import type { MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import { Dashboard } from '~/applications/dashboard';
import { londonNow } from '~/applications/dates';
import { guestApplications } from '~/guest/actions';
import { guestDashboard } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Dashboard · Guest · JobTrack' }];

export function clientLoader() {
  const now = londonNow();
  // Interviews, follow-up dates and Ghosted suggestions are kept on the server only (for now).
  return {
    now,
    ...guestDashboard(guestApplications(), now),
    thisWeek: [],
    followUpsDue: [],
    ghostSuggestions: [],
  };
}

export default function GuestDashboard() {
  return <Dashboard {...useLoaderData<typeof clientLoader>()} />;
}
