import type { LoaderFunctionArgs } from '@remix-run/cloudflare';
import { requireUserClaim } from '~/auth/current-user.server';
import { followUpCalendar } from '~/calendar/downloads.server';
import { calendarResponse } from '~/calendar/response.server';
import { notFound, requireUuid } from '~/http/not-found.server';

// An application's follow-up date as a calendar file, with an alarm on the morning.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const id = requireUuid(params.id);
  const text = await followUpCalendar(context, user, id, new URL(request.url).origin);
  if (text === null) throw notFound();
  return calendarResponse(text, 'jobtrack-follow-up.ics');
}
