import type { LoaderFunctionArgs } from '@remix-run/cloudflare';
import { feedFor, isFeedToken } from '~/calendar/feed.server';
import { calendarResponse } from '~/calendar/response.server';
import { notFound } from '~/http/not-found.server';

// The private calendar feed that calendar apps subscribe to: no session, no cookie. The token in
// the address is the only credential; an unknown, revoked or malformed one is a plain 404 that
// says nothing about whether it ever existed (decision 026).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isFeedToken(params.token)) throw notFound();
  const text = await feedFor(context, params.token, new URL(request.url).origin);
  if (text === null) throw notFound();
  return calendarResponse(text);
}
