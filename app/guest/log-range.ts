// The dates guest mode's job-search log is asked for, in its URL's fragment (#from.day=…), which no
// request carries. The account's log reads them on the server with the same schema.
import { parse } from '@conform-to/react';
import { useEffect, useMemo, useState } from 'react';
import type { FormReply } from '~/components/forms';
import { defaultLogRange, rangeFields, type LogRange } from '~/job-search-log/log-query';
import { notLoaded } from './form-handling';
import { loadLogRangeChecks } from './handling';

/** Said above the range form when the dates it was given could not be checked. */
export const RANGE_NOT_LOADED =
  'The log was not shown: JobTrack could not load what it needs to check these dates, perhaps because the connection dropped. Reload the page and try again.';

/** How long the dates wait for their checks before the form says they could not be loaded. */
export const CHECKS_WAIT_MS = 10_000;

type ParsedRange = { range: LogRange | null; reply: FormReply | null; checking?: boolean };
type RangeChecks = Awaited<ReturnType<typeof loadLogRangeChecks>>;

/** The range's checks once fetched: from then on every range is checked as the page draws. */
let rangeChecks: RangeChecks | null = null;

/**
 * The range the fragment asks for. The default range needs no checks; dates given are checked
 * with the range's schema, which is not in the page's first load (zod, docs/decisions/039) and
 * which guest mode fetches as it opens. Until it arrives the form shows the dates given, and no
 * log; if it cannot be fetched, the form says so.
 */
export function useLogRange(hash: string, today: string): ParsedRange {
  const fields = useMemo(() => rangeFields(new URLSearchParams(hash.replace(/^#/, ''))), [hash]);
  const [checks, setChecks] = useState(rangeChecks);
  // The dates whose checks could not be had (so other dates asked for wait for them afresh).
  const [failedFor, setFailedFor] = useState<typeof fields | null>(null);
  useEffect(() => {
    if (fields.length === 0 || checks) return;
    let current = true;
    // The form takes no typing while it waits (log-page.tsx): a fetch that hangs must not keep it
    // so. Should the checks come after all, they are kept for the next dates asked for.
    const givingUp = setTimeout(() => {
      current = false;
      setFailedFor(fields);
    }, CHECKS_WAIT_MS);
    loadLogRangeChecks().then(
      (loaded) => {
        rangeChecks = loaded;
        if (current) setChecks(loaded);
      },
      (error: unknown) => {
        console.error('The log’s range checks could not be fetched', error);
        if (current) setFailedFor(fields);
      },
    );
    return () => {
      current = false;
      clearTimeout(givingUp);
    };
  }, [fields, checks]);
  return useMemo(() => {
    const given = new URLSearchParams(fields);
    if (fields.length === 0) return { range: defaultLogRange(today), reply: null };
    if (checks) return checks.parseLogRange(given, today);
    if (failedFor === fields) {
      return { range: null, reply: notLoaded(given, { message: RANGE_NOT_LOADED }) };
    }
    // Until the checks arrive, the dates as given, in the form.
    return { range: null, reply: givenDates(given), checking: true };
  }, [fields, today, checks, failedFor]);
}

/** A reply that only fills the form with `given`, saying nothing of it. */
function givenDates(given: URLSearchParams): FormReply {
  return parse<Record<string, never>, string[]>(given, { resolve: () => ({ value: {} }) }).reply();
}
