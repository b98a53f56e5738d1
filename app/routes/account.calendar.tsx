import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  requireUserClaim,
  requireUserClaimOrRefusedForm,
  SessionEnded,
} from '~/auth/current-user.server';
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
import { claimForForm } from '~/auth/form-claim.server';
import { withNotice } from '~/components/notice';
import { constraintOf } from '~/components/forms/constraint';

// The account page's calendar feed and "no reply" forms post here. A new feed address is shown on
// this page, once, as the answer to the POST that made it (only its hash is stored).

export const meta: MetaFunction = () => [{ title: 'Calendar and reminders · JobTrack' }];

// Without JavaScript, the page showing a new feed address renders in the same request as the
// action that made it (Remix hands both the same context): the settings the action's write
// returned are shown, not read again.
const written = new WeakMap<AppLoadContext, Awaited<ReturnType<typeof loadSettings>>>();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaimOrRefusedForm(request, context);
  // Signed out as the "no reply" form arrived: it comes back from what was sent, and nothing of
  // the account is shown.
  const constraint = constraintOf(GhostWeeksSchema);
  if (!user) return { settings: null, constraint };
  return { settings: written.get(context) ?? (await loadSettings(context, user)), constraint };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (intent === INTENTS.ghost) return saveGhostWeeksForm(request, context, formData);
  // These two carry nothing typed: a session found to have ended goes to sign in.
  const user = await requireUserClaim(request, context);
  if (intent === INTENTS.replace) {
    const { token, settings } = await replaceFeed(context, user);
    written.set(context, settings);
    return { feedUrl: `${new URL(request.url).origin}${feedPath(token)}`, reply: null };
  }
  if (intent === INTENTS.revoke) {
    await revokeFeed(context, user);
    throw redirect(withNotice('/account', 'calendar-revoked') + '#calendar');
  }
  return refuse(formData, 'That form could not be handled. Please try again.');
}

// A number typed after the session ended is refused with 401 and kept, as every form's values are.
async function saveGhostWeeksForm(request: Request, context: AppLoadContext, formData: FormData) {
  const claim = await claimForForm(request, context, formData);
  if (!claim.ok) return claim.refused;
  const { user, signedOut } = claim;
  const submission = parseWithZod(formData, { schema: GhostWeeksSchema });
  if (submission.status !== 'success') return invalid(submission);
  try {
    await saveGhostWeeks(context, user, submission.value.ghostAfterWeeks);
  } catch (error) {
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
  throw redirect(withNotice('/account', 'tracker-settings-saved') + '#tracker-settings');
}

export default function CalendarSettings() {
  const { settings, constraint } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const feedUrl = answer && 'feedUrl' in answer ? answer.feedUrl : null;
  const reply = answer && !('feedUrl' in answer) ? answer : null;
  return (
    <div className="page narrow">
      <p className="muted breadcrumb">
        <Link to="/account">Back to your account</Link>
      </p>
      <h1>Calendar and reminders</h1>
      {settings ? <CalendarFeed hasFeed={settings.hasFeed} feedUrl={feedUrl} /> : null}
      <GhostWeeksForm
        ghostAfterWeeks={settings?.ghostAfterWeeks ?? null}
        constraint={constraint}
        lastResult={reply}
      />
    </div>
  );
}
