import { Form, Link, useNavigate } from '@remix-run/react';
import type { FormEvent } from 'react';
import { listQuerySearch, parseListQuery, SORT_OPTIONS, type ListQuery } from './list-query';
import { useTrackerPaths } from './paths';
import { STATUS_OPTIONS, STATUSES, type Status } from './statuses';

/**
 * The list's GET filter form: search always in view, status and sort folded away (open while
 * either is in use), so on a phone the first application shows on the first screen. Works as a
 * plain GET; the URL is shareable.
 */
export function ListFilters({ query }: { query: ListQuery }) {
  const refined = Boolean(query.status) || query.sort !== 'updated';
  const paths = useTrackerPaths();
  const navigate = useNavigate();
  // Guest mode keeps its filters out of the query string, so the form navigates on its own.
  const onSubmit = paths.clientOnly
    ? (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams();
        for (const [name, value] of data) if (typeof value === 'string') params.set(name, value);
        navigate(paths.list(parseListQuery(params)));
      }
    : undefined;
  return (
    // Keyed by the query so the fields follow the URL after a count link or back button.
    <Form
      method="get"
      action={paths.listPath}
      onSubmit={onSubmit}
      className="filters card"
      key={listQuerySearch(query)}
      role="search"
    >
      <div className="field filters__search">
        <label htmlFor="filter-q">Search</label>
        <p className="field__hint" id="filter-q-hint">
          Company, role, location, source, reference, grade or notes
        </p>
        <div className="filters__row">
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            aria-describedby="filter-q-hint"
          />
          <button type="submit">Search</button>
        </div>
      </div>
      <details className="filters__more" open={refined}>
        <summary>Filter and sort</summary>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" name="status" defaultValue={query.status ?? ''}>
              <option value="">All statuses</option>
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sort">Sort by</label>
            <select id="filter-sort" name="sort" defaultValue={query.sort}>
              {SORT_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__submit">
            <button type="submit" className="button--secondary">
              Apply
            </button>
          </div>
        </div>
      </details>
    </Form>
  );
}

/** Links between the two views of the applications: the list and the board. */
export function ViewSwitch({ current }: { current: 'list' | 'board' }) {
  const paths = useTrackerPaths();
  if (!paths.board) return null;
  return (
    <nav aria-label="Views" className="view-switch">
      <Link to={paths.listPath} aria-current={current === 'list' ? 'page' : undefined}>
        List
      </Link>
      <Link to={paths.board} aria-current={current === 'board' ? 'page' : undefined}>
        Board
      </Link>
    </nav>
  );
}

/** Counts per status for the current search, each a link to that filter. */
export function StatusCountLinks({
  query,
  counts,
  total,
}: {
  query: ListQuery;
  counts: Record<Status, number>;
  total: number;
}) {
  const paths = useTrackerPaths();
  const to = (status: Status | null) => paths.list({ ...query, status, page: 1 });
  return (
    <nav aria-label="Filter by status" className="count-links">
      <ul>
        <li>
          <Link to={to(null)} aria-current={query.status === null ? 'true' : undefined}>
            All statuses <span className="count">{total}</span>
          </Link>
        </li>
        {STATUSES.map((status) => (
          <li key={status}>
            <Link to={to(status)} aria-current={query.status === status ? 'true' : undefined}>
              {STATUS_OPTIONS.find((o) => o.value === status)!.label}{' '}
              <span className="count">{counts[status]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Previous page" / "Next page" links that keep the filters. */
export function Pagination({
  query,
  page,
  pages,
}: {
  query: ListQuery;
  page: number;
  pages: number;
}) {
  const paths = useTrackerPaths();
  if (pages <= 1) return null;
  const to = (n: number) => paths.list({ ...query, page: n });
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? <Link to={to(page - 1)}>Previous page</Link> : <span />}
      <span className="muted">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link to={to(page + 1)}>Next page</Link> : <span />}
    </nav>
  );
}
