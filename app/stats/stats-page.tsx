// The stats page: how the search is going, as figures, SVG charts and the same data as tables.
import { Link } from '@remix-run/react';
import { useTrackerPaths } from '~/applications/paths';
import { ColumnChart, RowChart, StackedRowChart } from './charts';
import {
  days,
  funnel,
  MAX_SOURCES,
  percent,
  sourceOutcomes,
  weeklySeries,
  weeklySummary,
  WEEKS_SHOWN,
  type StatsFacts,
} from './stats';

const OUTCOMES = [
  { key: 'offer', name: 'Offer' },
  { key: 'interview', name: 'Interview' },
  { key: 'rejected', name: 'Rejected' },
  { key: 'withdrawn', name: 'Withdrawn' },
  { key: 'waiting', name: 'No reply' },
] as const;

const sourceName = (source: string) => source || 'Not recorded';

/** A figure's share as "42%", or a dash when there is nothing to share. */
const shown = (value: number | null) => (value === null ? '–' : `${value}%`);

/** The outcomes table's columns: Sent, the chart's parts, and the interview rate. */
const SOURCE_COLUMNS = ['Sent', ...OUTCOMES.map((o) => o.name), 'Interview rate'] as const;
const sourceFigures = (s: StatsFacts['sources'][number]) => {
  const outcomes = sourceOutcomes(s);
  return [
    s.applied,
    ...OUTCOMES.map((o) => outcomes[o.key]),
    shown(percent(s.interviews, s.applied)),
  ];
};

/** Everything on /stats for one person. */
export function StatsPage({ facts, today }: { facts: StatsFacts; today: string }) {
  const paths = useTrackerPaths();
  if (facts.total === 0) {
    return (
      <div className="page">
        <h1>Stats</h1>
        <p>
          Your stats appear here once you have applications.{' '}
          <Link to={paths.newApplication}>Add your first application</Link>.
        </p>
      </div>
    );
  }
  const series = weeklySeries(facts.weeks, today);
  const steps = funnel(facts);
  const responseRate = percent(facts.replied, facts.applied);
  return (
    <div className="page stats">
      <h1>Stats</h1>
      <p>
        For your Work Coach: <Link to={paths.log}>the job-search log</Link>, every action by date,
        ready to print.
      </p>
      {facts.applied === 0 ? (
        <p>
          None of your {facts.total} applications has been sent yet: these figures start once you
          mark one as Applied or give it a date applied.
        </p>
      ) : null}

      <dl className="stats__figures">
        <div>
          <dt>Applications sent</dt>
          <dd>{facts.applied}</dd>
        </div>
        <div>
          <dt>Response rate</dt>
          <dd>{shown(responseRate)}</dd>
          <dd className="stats__note">
            {facts.replied} of {facts.applied} heard back (an interview, an offer or a rejection)
          </dd>
        </div>
        <div>
          <dt>Median time to first reply</dt>
          <dd>{facts.medianDaysToReply === null ? '–' : days(facts.medianDaysToReply)}</dd>
          <dd className="stats__note">from the date applied to the first reply recorded</dd>
        </div>
      </dl>

      <section aria-labelledby="weekly">
        <h2 id="weekly">Applications per week</h2>
        <ColumnChart
          summary={weeklySummary(series)}
          bars={series.map((w) => ({
            label: w.label,
            n: w.n,
            title: `Week of ${w.label}: ${w.n}`,
          }))}
        />
        <details>
          <summary>The last {WEEKS_SHOWN} weeks as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {series.map((w) => (
                <tr key={w.week}>
                  <td>{w.label}</td>
                  <td>{w.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="funnel">
        <h2 id="funnel">From applied to offer</h2>
        <RowChart
          summary={steps.map((s) => `${s.stage}: ${s.n}`).join(', ') + '.'}
          rows={steps.map((s) => ({
            label: s.stage,
            n: s.n,
            note: s.percent === null ? `${s.n}` : `${s.n} (${s.percent}%)`,
          }))}
        />
        <p className="stats__note">
          Each application counts at every stage it reached, whatever its status now.
        </p>
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">Outcomes by source</h2>
        <p className="stats__note">
          {facts.sources.length === MAX_SOURCES
            ? `The ${MAX_SOURCES} sources you sent most applications through. `
            : null}
          Each application counts once, at the furthest stage it reached: an offer, an interview, a
          rejection, your withdrawal before any answer, or no reply yet. The interview rate counts
          every interview, offers included.
        </p>
        {facts.sources.length > 0 ? (
          <>
            <StackedRowChart
              summary={`Outcomes for ${facts.sources.length} ${facts.sources.length === 1 ? 'source' : 'sources'}; the table below gives each figure.`}
              parts={[...OUTCOMES]}
              rows={facts.sources.map((s) => ({
                label: sourceName(s.source),
                values: sourceOutcomes(s),
              }))}
            />
            {/* Focusable, so a keyboard can scroll it sideways; on a phone each source is a block. */}
            <div
              className="table-scroll table-scroll--stacks"
              role="region"
              aria-label="Outcomes by source, as a table"
              tabIndex={0}
            >
              <table role="table">
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">
                      Source
                    </th>
                    {SOURCE_COLUMNS.map((name) => (
                      <th key={name} scope="col" role="columnheader">
                        {name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {facts.sources.map((s) => (
                    <tr key={s.source} role="row">
                      <th scope="row" role="rowheader">
                        {sourceName(s.source)}
                      </th>
                      {sourceFigures(s).map((value, i) => (
                        <td key={SOURCE_COLUMNS[i]} role="cell" data-label={SOURCE_COLUMNS[i]}>
                          {value}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>Nothing sent yet.</p>
        )}
      </section>
    </div>
  );
}
