import type { LinksFunction, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData, useLocation } from '@remix-run/react';
import { useMemo } from 'react';
import { todayInLondon } from '~/applications/dates';
import { guestApplications } from '~/guest/applications';
import { downloadText } from '~/guest/downloads';
import { guestLog } from '~/guest/log';
import { LogPage } from '~/job-search-log/log-page';
import { logCsvName, MAX_ENTRIES, type LogRange } from '~/job-search-log/log-query';
import { useLogRange } from '~/guest/log-range';
import constraints from '~/guest/form-constraints.json';
import { logRows } from '~/job-search-log/rows';
import href from '~/job-search-log/log.css?url';
import type { ExportedApplication } from '~/portability/format';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href }];

export const meta: MetaFunction = () => [{ title: 'Job-search log · Guest · JobTrack' }];

export async function clientLoader() {
  return {
    applications: await guestApplications(),
    today: todayInLondon(),
    constraint: constraints.logRange,
  };
}

/** The whole log for the range as a spreadsheet, made here (the CSV writer loads on first use). */
async function downloadLog(applications: readonly ExportedApplication[], range: LogRange) {
  const { logCsv } = await import('~/job-search-log/log-csv');
  const { entries, events, followUps } = guestLog(applications, range);
  downloadText(logCsv(logRows(entries, events, followUps)), logCsvName(range), 'text/csv');
}

export default function GuestLog() {
  const { applications, today, constraint } = useLoaderData<typeof clientLoader>();
  // The dates are in the fragment (#from.day=…), which no request carries.
  const { hash } = useLocation();
  const { range, reply, checking } = useLogRange(hash, today);
  const log = useMemo(
    () =>
      range
        ? guestLog(applications, range, MAX_ENTRIES)
        : { entries: [], events: [], followUps: [], more: false },
    [applications, range],
  );
  return (
    <LogPage
      // Drawn afresh once the dates are checked: the form opens with them, unchanged.
      key={checking ? `${hash}:checking` : hash}
      range={range}
      reply={reply}
      constraint={constraint}
      {...log}
      makeCsv={range ? () => void downloadLog(applications, range) : undefined}
      checking={checking}
    />
  );
}
