import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData, type ClientActionFunctionArgs } from '@remix-run/react';
import { MoveNotice } from '~/applications/move-notice';
import { useGuestMoveSaid } from '~/guest/last-move';
import { Dashboard } from '~/applications/dashboard';
import { londonNow } from '~/applications/dates';
import { guestFollowUpsDue, guestGhostSuggestions, guestThisWeek } from '~/guest/dashboard';
import { GUEST_HOME } from '~/guest/paths';
import { moveOrUndo } from '~/guest/status-change';
import { emptyDocument, readGuest } from '~/guest/storage';
import { guestDashboard } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Dashboard · Guest · JobTrack' }];

export async function clientLoader() {
  const now = londonNow();
  const read = await readGuest();
  // Unreadable data: the layout says why and offers its download; the page shows nothing of it.
  const doc = read.ok ? read.document : emptyDocument();
  return {
    now,
    ...guestDashboard(doc.applications, now),
    thisWeek: guestThisWeek(doc, now),
    followUpsDue: guestFollowUpsDue(doc, now),
    ghostSuggestions: guestGhostSuggestions(doc, now),
    // The move a status change names is in the fragment, which a loader is not given.
    applications: doc.applications,
  };
}

// "Mark as ghosted": the same one-step status change as elsewhere, or undoing it. Refused (storage
// full, the application deleted in another tab): said above the dashboard.
export async function clientAction({ request }: ClientActionFunctionArgs) {
  return moveOrUndo(request, GUEST_HOME);
}

export default function GuestDashboard() {
  const data = useLoaderData<typeof clientLoader>();
  const said = useGuestMoveSaid(data.applications, useActionData<typeof clientAction>());
  const notice = (
    <MoveNotice
      move={said.move}
      notice={said.notice}
      undoRefused={said.undoRefused}
      action={`${GUEST_HOME}?index`}
      close={`${GUEST_HOME}${said.close}`}
    />
  );
  return <Dashboard {...data} errors={said.errors} notice={notice} />;
}
