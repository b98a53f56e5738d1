import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/current-user.server';
import {
  feedPath,
  loadSettings,
  replaceFeed,
  revokeFeed,
  saveGhostWeeks,
} from '~/calendar/feed.server';
import { CalendarFeed, GhostWeeksForm, INTENTS } from '~/calendar/settings';
import { GhostWeeksSchema } from '~/calendar/settings-schema';
import { invalid, readForm, refuse } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';

// The account page's calendar feed and "no reply" forms post here. A new feed address is shown on
// this page, once, as the answer to the POST that made it (only its hash is stored).

export const meta: MetaFunction = () => [{ title: 'Calendar and reminders · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return loadSettings(context, user.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (intent === INTENTS.replace) {
    const token = await replaceFeed(context, user.id);
    return { feedUrl: `${new URL(request.url).origin}${feedPath(token)}`, reply: null };
  }
  if (intent === INTENTS.revoke) {
    await revokeFeed(context, user.id);
    throw redirect(withNotice('/account', 'calendar-revoked') + '#calendar');
  }
  if (intent !== INTENTS.ghost) {
    return refuse(formData, 'That form could not be handled. Please try again.');
  }
  const submission = parseWithZod(formData, { schema: GhostWeeksSchema });
  if (submission.status !== 'success') return invalid(submission);
  await saveGhostWeeks(context, user.id, submission.value.ghostAfterWeeks);
  throw redirect(withNotice('/account', 'tracker-settings-saved') + '#tracker-settings');
}

export default function CalendarSettings() {
  const settings = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const feedUrl = answer && 'feedUrl' in answer ? answer.feedUrl : null;
  const reply = answer && !('feedUrl' in answer) ? answer : null;
  return (
    <div className="page narrow">
      <p className="muted breadcrumb">
        <Link to="/account">Back to your account</Link>
      </p>
      <h1>Calendar and reminders</h1>
      <CalendarFeed hasFeed={settings.hasFeed} feedUrl={feedUrl} />
      <GhostWeeksForm ghostAfterWeeks={settings.ghostAfterWeeks} lastResult={reply} />
    </div>
  );
}
