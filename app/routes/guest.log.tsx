import type { LinksFunction, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData, useLocation } from '@remix-run/react';
import { useEffect, useMemo, useState } from 'react';
import { todayInLondon } from '~/applications/dates';
import { guestApplications } from '~/guest/applications';
import { downloadText } from '~/guest/downloads';
import { guestLog } from '~/guest/log';
import { LogPage } from '~/job-search-log/log-page';
import {
  defaultLogRange,
  logCsvName,
  MAX_ENTRIES,
  rangeFields,
  type LogRange,
} from '~/job-search-log/log-query';
import type { FormReply } from '~/components/forms';
import constraints from '~/guest/form-constraints.json';
import { notLoaded } from '~/guest/form-handling';
import { loadLogRangeChecks } from '~/guest/handling';
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
  const checked = useLogRange(hash, today);
  const { range, reply } = checked ?? { range: null, reply: null };
  const log = useMemo(
    () =>
      range
        ? guestLog(applications, range, MAX_ENTRIES)
        : { entries: [], events: [], followUps: [], more: false },
    [applications, range],
  );
  return (
    <LogPage
      // Drawn afresh once the dates are checked: the form opens with them.
      key={checked ? hash : `${hash}:checking`}
      range={range}
      reply={reply}
      constraint={constraint}
      {...log}
      makeCsv={range ? () => void downloadLog(applications, range) : undefined}
    />
  );
}

/** Said above the range form when the dates it was given could not be checked. */
export const RANGE_NOT_LOADED =
  'The log was not shown: JobTrack could not load what it needs to check these dates, perhaps because the connection dropped. Reload the page and try again.';

type ParsedRange = { range: LogRange | null; reply: FormReply | null };

/**
 * The range the fragment asks for, or null while its checks load. The default range needs none;
 * dates given are checked with the range's schema, which is not in the page's first load (zod,
 * docs/decisions/039) and which guest mode fetches as it opens.
 */
function useLogRange(hash: string, today: string): ParsedRange | null {
  const fields = useMemo(() => rangeFields(new URLSearchParams(hash.replace(/^#/, ''))), [hash]);
  const [checked, setChecked] = useState<{ hash: string; parsed: ParsedRange } | null>(null);
  useEffect(() => {
    if (fields.length === 0) return;
    let current = true;
    const given = new URLSearchParams(fields);
    loadLogRangeChecks().then(
      ({ parseLogRange }) => current && setChecked({ hash, parsed: parseLogRange(given, today) }),
      (error: unknown) => {
        console.error('The log’s range checks could not be fetched', error);
        if (current) {
          const reply = notLoaded(given, { message: RANGE_NOT_LOADED });
          setChecked({ hash, parsed: { range: null, reply } });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [fields, hash, today]);
  if (fields.length === 0) return { range: defaultLogRange(today), reply: null };
  return checked?.hash === hash ? checked.parsed : null;
}
