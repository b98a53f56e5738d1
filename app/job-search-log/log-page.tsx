// The job-search log: what the person did to find work in a date range, by day, to show a Work
// Coach. Prints on A4 (log.css); the range is a plain GET form.
import { Link, useNavigate } from '@remix-run/react';
import type { FormEvent } from 'react';
import { formatDate } from '~/applications/dates';
import { useTrackerPaths } from '~/applications/paths';
import {
  DateField,
  SchemaForm,
  SubmitButton,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import { dateParts } from '~/components/forms/date-parts';
import { useHydrated } from '~/components/hydrated';
import type { LogEntry, LogEvent, LogFollowUp } from './log.server';
import { logCsvHref, type LogRange } from './log-query';
import { logRows, type LogRow } from './rows';

const loadSchema = () => import('./range-schema').then((m) => m.LogRangeSchema);

type Props = {
  range: LogRange | null;
  reply: FormReply | null;
  /** From the page's loader: `constraintOf(LogRangeSchema)`. */
  constraint: Constraints;
  entries: LogEntry[];
  events: LogEvent[];
  followUps: LogFollowUp[];
  more: boolean;
  /** Makes the CSV in the browser (guest mode); without it, the CSV downloads from the server. */
  makeCsv?: () => void;
  /**
   * Guest mode, while the dates asked for wait for their checks: the form shows them but takes no
   * typing, since the page is drawn afresh with them once they are checked.
   */
  checking?: boolean;
};

/** Everything on /job-search-log (and guest mode's log). */
export function LogPage(props: Props) {
  const { range, reply, constraint, entries, events, followUps, more, makeCsv, checking } = props;
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    lastResult: reply,
    defaultValue: range ? { from: dateParts(range.from), to: dateParts(range.to) } : undefined,
  });
  const paths = useTrackerPaths();
  const navigate = useNavigate();
  // Guest mode keeps the dates in the fragment, which no request carries (as the list's filters).
  const onValidSubmit = paths.clientOnly
    ? (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) {
          if (typeof value === 'string') params.set(name, value);
        }
        navigate(`${paths.log}#${params}`);
      }
    : undefined;
  return (
    <div className="page job-log">
      <h1>Job-search log</h1>
      <p className="job-log__intro">
        Everything you did to find work in the dates you choose, day by day: adverts saved,
        applications sent, interviews, follow-ups and what came of them. Print it or save it as a
        PDF for your Work Coach (Universal Credit or Jobseeker’s Allowance).
      </p>
      <SchemaForm
        form={form}
        method="get"
        className="job-log__range card"
        onValidSubmit={onValidSubmit}
      >
        <fieldset className="job-log__fields" disabled={checking}>
          <div className="job-log__dates">
            <DateField meta={fields.from} label="From" />
            <DateField meta={fields.to} label="To" />
          </div>
          <SubmitButton formMethod="GET">Show the log</SubmitButton>
        </fieldset>
        {checking ? (
          <p role="status" className="muted">
            Checking these dates…
          </p>
        ) : null}
      </SchemaForm>
      {/* Only while the fields hold the dates shown: refused in the browser, or typed and not yet
          sent, they are not, and a log of other dates could be printed as if it were for them. */}
      {range && !form.dirty ? (
        <LogTable
          range={range}
          rows={logRows(entries, events, followUps)}
          more={more}
          makeCsv={makeCsv}
        />
      ) : null}
    </div>
  );
}

function LogTable({
  range,
  rows: entries,
  more,
  makeCsv,
}: {
  range: LogRange;
  rows: LogRow[];
  more: boolean;
  makeCsv?: () => void;
}) {
  const paths = useTrackerPaths();
  const span = `${formatDate(range.from)} to ${formatDate(range.to)}`;
  const sent = entries.filter((e) => e.sent).length;
  return (
    <section aria-labelledby="log-heading" className="job-log__result">
      <div className="job-log__head">
        <h2 id="log-heading">{span}</h2>
        <div className="job-log__actions">
          <PrintButton />
          {makeCsv ? (
            <button type="button" className="button--secondary" onClick={makeCsv}>
              Download as a spreadsheet (CSV)
            </button>
          ) : (
            <a className="button button--secondary" href={logCsvHref(range)} download>
              Download as a spreadsheet (CSV)
            </a>
          )}
        </div>
      </div>
      <p>
        {entries.length === 0
          ? 'Nothing recorded in these dates.'
          : `${entries.length} ${entries.length === 1 ? 'action' : 'actions'}, of which ${sent} ${
              sent === 1 ? 'application' : 'applications'
            } sent.`}
      </p>
      {more ? (
        <p className="job-log__more">
          Not everything in these dates fits on one page: choose fewer days to see the rest here, or
          download the CSV, which has them all.
        </p>
      ) : null}
      {entries.length > 0 ? (
        <div
          className="table-scroll table-scroll--stacks"
          role="region"
          aria-label="The log, as a table"
          tabIndex={0}
        >
          <table className="job-log__table" role="table">
            <thead role="rowgroup">
              <tr role="row">
                {COLUMNS.map((name) => (
                  <th key={name} scope="col" role="columnheader">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {entries.map((entry) => (
                <tr key={entry.key} role="row">
                  <td role="cell" data-label={COLUMNS[0]} className="job-log__date">
                    {formatDate(entry.day)}
                  </td>
                  <td role="cell" data-label={COLUMNS[1]}>
                    {entry.action}
                  </td>
                  <td role="cell" data-label={COLUMNS[2]}>
                    <Link to={paths.detail(entry.applicationId)}>{entry.role}</Link>
                  </td>
                  <td role="cell" data-label={COLUMNS[3]}>
                    {entry.company}
                  </td>
                  <td role="cell" data-label={COLUMNS[4]}>
                    {entry.source ?? ''}
                  </td>
                  <td role="cell" data-label={COLUMNS[5]}>
                    {entry.reference ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

const COLUMNS = ['Date', 'What I did', 'Job', 'Employer', 'Where I found it', 'Reference'] as const;

/** Print with JavaScript; without it, the browser's own Print command does the same. */
function PrintButton() {
  const hydrated = useHydrated();
  if (!hydrated) {
    return <p className="job-log__print-hint">To print, use your browser’s Print command.</p>;
  }
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
