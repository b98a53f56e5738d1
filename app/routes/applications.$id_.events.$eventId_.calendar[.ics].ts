import type { LoaderFunctionArgs } from '@remix-run/cloudflare';
import { requireUserClaim } from '~/auth/current-user.server';
import { eventCalendar } from '~/calendar/downloads.server';
import { calendarResponse } from '~/calendar/response.server';
import { notFound, requireUuid } from '~/http/not-found.server';

// One event as a calendar file to open in any calendar app.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const [id, eventId] = [requireUuid(params.id), requireUuid(params.eventId)];
  const text = await eventCalendar(context, user, id, eventId, new URL(request.url).origin);
  if (text === null) throw notFound();
  return calendarResponse(text, 'jobtrack-event.ics');
}
