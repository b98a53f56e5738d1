import { Link } from '@remix-run/react';
import { closesIn, daysBetween, formatDate } from './dates';
import { StatusBadge } from './status-badge';
import { STATUS_LABELS, STATUSES, type Status } from './statuses';
import type { ClosingSoonRow } from './types';

/** The signed-in home page: what closes soon, and how many applications are at each status. */
export function Dashboard({
  today,
  counts,
  total,
  closingSoon,
}: {
  today: string;
  counts: Record<Status, number>;
  total: number;
  closingSoon: ClosingSoonRow[];
}) {
  return (
    <div className="page">
      <div className="page-head">
        <h1>Dashboard</h1>
        <Link to="/applications/new" className="button">
          Add application
        </Link>
      </div>
      {total === 0 ? (
        <section className="card empty-state" aria-labelledby="welcome">
          <h2 id="welcome">Welcome to JobTrack</h2>
          <p>
            You have not added any applications yet. Add one to keep its details, dates and progress
            in one place; this page will then show what closes soon.
          </p>
          <p>
            <Link to="/applications/new" className="button">
              Add your first application
            </Link>
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="closing-soon">
        <h2 id="closing-soon">Closing in the next 7 days</h2>
        {closingSoon.length > 0 ? (
          <ul className="closing-list">
            {closingSoon.map((row) => (
              <li key={row.id}>
                <Link to={`/applications/${row.id}`}>
                  {row.role} at {row.company}
                </Link>
                <span
                  className={`days-left${daysBetween(today, row.closingDate) <= 1 ? ' days-left--urgent' : ''}`}
                >
                  {closesIn(row.closingDate, today)}
                </span>
                <span className="muted">{formatDate(row.closingDate)}</span>
                <StatusBadge status={row.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing you are still working on closes in the next 7 days.</p>
        )}
      </section>
      <section className="card" aria-labelledby="by-status">
        <h2 id="by-status">Applications by status</h2>
        {total > 0 ? (
          <>
            <ul className="status-tiles">
              {STATUSES.map((status) => (
                <li key={status}>
                  <Link to={`/applications?status=${status}`}>
                    <span>{STATUS_LABELS[status]}</span>{' '}
                    <span className="status-tiles__count">{counts[status]}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <p className="muted">
              {total === 1 ? '1 application in total.' : `${total} applications in total.`}
            </p>
          </>
        ) : (
          <p className="muted">Once you add applications, this shows how many are at each stage.</p>
        )}
      </section>
    </div>
  );
}
