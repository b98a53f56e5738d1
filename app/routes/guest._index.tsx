import type { MetaFunction } from '@remix-run/cloudflare';
import {
  redirect,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { replyMessages } from '~/components/forms/messages';
import { Dashboard } from '~/applications/dashboard';
import { londonNow } from '~/applications/dates';
import { guestFollowUpsDue, guestGhostSuggestions, guestThisWeek } from '~/guest/dashboard';
import { GUEST_HOME } from '~/guest/paths';
import { changeGuestStatus } from '~/guest/status-change';
import { emptyDocument, readGuest } from '~/guest/storage';
import { guestDashboard } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Dashboard · Guest · JobTrack' }];

export function clientLoader() {
  const now = londonNow();
  const read = readGuest();
  // Unreadable data: the layout says why and offers its download; the page shows nothing of it.
  const doc = read.ok ? read.document : emptyDocument();
  return {
    now,
    ...guestDashboard(doc.applications, now),
    thisWeek: guestThisWeek(doc, now),
    followUpsDue: guestFollowUpsDue(doc, now),
    ghostSuggestions: guestGhostSuggestions(doc, now),
  };
}

// "Mark as ghosted": the same one-step status change as elsewhere.
export async function clientAction({ request }: ClientActionFunctionArgs) {
  const refused = await changeGuestStatus(request, undefined);
  // Refused (storage full, the application deleted in another tab): said above the dashboard.
  return refused ?? redirect(GUEST_HOME);
}

export default function GuestDashboard() {
  const refusal = useActionData<typeof clientAction>();
  return (
    <Dashboard
      {...useLoaderData<typeof clientLoader>()}
      errors={replyMessages(refusal ?? undefined)}
    />
  );
}
