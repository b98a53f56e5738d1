import type { LoaderFunctionArgs } from '@remix-run/cloudflare';
import { todayInLondon } from '~/applications/dates';
import { requireUser, requireUserClaim } from '~/auth/current-user.server';
import { logCsv } from '~/job-search-log/log-csv';
import { logCsvName } from '~/job-search-log/log-query';
import { parseLogRange } from '~/job-search-log/range-schema';
import { loadLog, MAX_CSV_ENTRIES } from '~/job-search-log/log.server';
import { logRows } from '~/job-search-log/rows';

// A download, not a page: /job-search-log.csv with the log page's own range in the query. A GET,
// since it changes nothing; a range the page would refuse is refused here too. One round trip: the
// log's reads confirm the session in their own transaction (an ended one goes to sign in).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const { range } = parseLogRange(new URL(request.url).searchParams, todayInLondon());
  if (!range) {
    // Nothing to read, but a session that has ended still goes to sign in, not to a refusal.
    await requireUser(request, context);
    return new Response('Those dates cannot be read: choose them again on the job-search log.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  // Never a partial record without a word: past the download's bound, a refusal that says why.
  const { entries, events, followUps, more } = await loadLog(context, user, range, MAX_CSV_ENTRIES);
  if (more) {
    return new Response(
      `More than ${MAX_CSV_ENTRIES.toLocaleString('en-GB')} actions in these dates: choose fewer days on the job-search log.`,
      { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
    );
  }
  return new Response(logCsv(logRows(entries, events, followUps)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${logCsvName(range)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
