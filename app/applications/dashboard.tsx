import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ClosingLabel } from './closing-label';
import type { LondonNow } from './dates';
import { StatusBadge } from './status-badge';
import { STATUS_LABELS, STATUSES, type Status } from './statuses';
import { useTrackerPaths } from './paths';
import type { DashboardRow } from './types';
import { FollowUpsDue, GhostSuggestions, ThisWeek, type WeekEvent } from '~/events/dashboard-lists';
import { FormErrors } from '~/components/forms/messages';

type Props = {
  now: LondonNow;
  counts: Record<Status, number>;
  total: number;
  toApply: DashboardRow[];
  toApplyTotal: number;
  missed: DashboardRow[];
  missedTotal: number;
  interviewing: DashboardRow[];
  offers: DashboardRow[];
  thisWeek: WeekEvent[];
  followUpsDue: Parameters<typeof FollowUpsDue>[0]['rows'];
  ghostSuggestions: Parameters<typeof GhostSuggestions>[0]['rows'];
  /** Why the last "Mark as ghosted" was refused, if it was. */
  errors?: string[];
  /** Shown under the heading: the account's reminder of guest data in this browser. */
  notice?: ReactNode;
};

/**
 * The signed-in home page: what to apply for (Saved adverts by closing date, and those missed),
 * what is in progress (this week's dates, follow-ups due, interviews, offers, no reply for weeks),
 * and how many applications are at each status.
 */
export function Dashboard(props: Props) {
  const { counts, total } = props;
  const paths = useTrackerPaths();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Dashboard</h1>
        <Link to={paths.newApplication} className="button">
          Add application
        </Link>
      </div>
      {props.notice}
      <FormErrors errors={props.errors} />
      {total === 0 ? (
        <section className="card empty-state" aria-labelledby="welcome">
          <h2 id="welcome">Welcome to JobTrack</h2>
          <p>
            You have not added any applications yet. Add one to keep its details, dates and progress
            in one place; this page will then show what to apply for before it closes.
          </p>
          <p>
            <Link to={paths.newApplication} className="button">
              Add your first application
            </Link>
          </p>
        </section>
      ) : null}
      <div className="dashboard-grid">
        <ToApply {...props} />
        <InProgress {...props} />
      </div>
      <section className="card" aria-labelledby="by-status">
        <h2 id="by-status">Applications by status</h2>
        {total > 0 ? (
          <>
            <ul className="status-tiles">
              {STATUSES.map((status) => (
                <li key={status}>
                  <Link to={paths.list({ status })}>
                    <span>{STATUS_LABELS[status]}</span>{' '}
                    <span className="status-tiles__count">{counts[status]}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <p className="muted">
              {total === 1 ? '1 application in total.' : `${total} applications in total.`}
            </p>
            <p>
              For your Work Coach: <Link to={paths.log}>the job-search log</Link>, every action by
              date, ready to print or download.
            </p>
          </>
        ) : (
          <p className="muted">Once you add applications, this shows how many are at each stage.</p>
        )}
      </section>
    </div>
  );
}

function ToApply({ now, counts, toApply, toApplyTotal, missed, missedTotal }: Props) {
  const paths = useTrackerPaths();
  return (
    <section className="card" aria-labelledby="to-apply">
      <h2 id="to-apply">To apply for</h2>
      <p className="muted">Saved adverts that are still open, closing soonest first.</p>
      {toApply.length > 0 ? (
        <DashboardList rows={toApply}>
          {(row) => (
            <ClosingLabel
              closingDate={row.closingDate}
              closingTime={row.closingTime}
              mayCloseEarly={row.mayCloseEarly}
              now={now}
            />
          )}
        </DashboardList>
      ) : (
        <p>No saved advert with a closing date is still open.</p>
      )}
      {toApplyTotal > toApply.length ? (
        <p>
          <Link to={paths.list({ status: 'saved', sort: 'closing' })}>
            All saved applications ({counts.saved})
          </Link>
        </p>
      ) : null}
      {missedTotal > 0 ? (
        <>
          <h3 id="missed">Missed</h3>
          <p className="muted">Saved adverts that closed before you applied, latest first.</p>
          <DashboardList rows={missed}>
            {(row) => (
              <ClosingLabel closingDate={row.closingDate} closingTime={row.closingTime} now={now} />
            )}
          </DashboardList>
        </>
      ) : null}
    </section>
  );
}

function InProgress({ interviewing, offers, thisWeek, followUpsDue, ghostSuggestions }: Props) {
  const none =
    interviewing.length === 0 &&
    offers.length === 0 &&
    thisWeek.length === 0 &&
    followUpsDue.length === 0 &&
    ghostSuggestions.length === 0;
  return (
    <section className="card" aria-labelledby="in-progress">
      <h2 id="in-progress">In progress</h2>
      {none ? (
        <p className="muted">
          Interviews this week, follow-ups due and applications at the interview or offer stage show
          here, so you can see what needs your attention.
        </p>
      ) : null}
      <ThisWeek events={thisWeek} />
      <FollowUpsDue rows={followUpsDue} />
      {interviewing.length > 0 ? (
        <>
          <h3>At interview stage</h3>
          <DashboardList rows={interviewing}>
            {() => <StatusBadge status="interviewing" />}
          </DashboardList>
        </>
      ) : null}
      {offers.length > 0 ? (
        <>
          <h3>Offers waiting for your answer</h3>
          <DashboardList rows={offers}>{() => <StatusBadge status="offer" />}</DashboardList>
        </>
      ) : null}
      <GhostSuggestions rows={ghostSuggestions} />
    </section>
  );
}

function DashboardList({
  rows,
  children,
}: {
  rows: DashboardRow[];
  children: (row: DashboardRow) => ReactNode;
}) {
  const paths = useTrackerPaths();
  return (
    <ul className="closing-list">
      {rows.map((row) => (
        <li key={row.id}>
          <Link to={paths.detail(row.id)} className="wrap-anywhere">
            {row.role} at {row.company}
          </Link>
          {children(row)}
        </li>
      ))}
    </ul>
  );
}
