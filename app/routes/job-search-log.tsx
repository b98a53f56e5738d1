import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { data } from '@remix-run/cloudflare';
import { useLoaderData, useLocation } from '@remix-run/react';
import { todayInLondon } from '~/applications/dates';
import { requireUserClaim } from '~/auth/current-user.server';
import { constraintOf } from '~/components/forms/constraint';
import { loadLog } from '~/job-search-log/log.server';
import { LogPage } from '~/job-search-log/log-page';
import { LogRangeSchema, parseLogRange } from '~/job-search-log/range-schema';
import href from '~/job-search-log/log.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href }];

export const meta: MetaFunction = () => [{ title: 'Job-search log · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const { range, reply } = parseLogRange(new URL(request.url).searchParams, todayInLondon());
  const constraint = constraintOf(LogRangeSchema);
  if (!range)
    return data(
      { range, reply, constraint, entries: [], events: [], followUps: [], more: false },
      { status: 400 },
    );
  return { range, reply, constraint, ...(await loadLog(context, user, range)) };
}

export default function JobSearchLog() {
  // A new range is a new form (as guest mode's, keyed by its fragment): its fields start as that
  // range, whatever was typed or refused before.
  return <LogPage key={useLocation().search} {...useLoaderData<typeof loader>()} />;
}
