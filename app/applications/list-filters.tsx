import { Form, Link } from '@remix-run/react';
import { listQuerySearch, SORT_OPTIONS, type ListQuery } from './list-query';
import { STATUS_OPTIONS, STATUSES, type Status } from './statuses';

/**
 * The list's GET filter form: search always in view, status and sort folded away (open while
 * either is in use), so on a phone the first application shows on the first screen. Works as a
 * plain GET; the URL is shareable.
 */
export function ListFilters({ query }: { query: ListQuery }) {
  const refined = Boolean(query.status) || query.sort !== 'updated';
  return (
    // Keyed by the query so the fields follow the URL after a count link or back button.
    <Form
      method="get"
      action="/applications"
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
  return (
    <nav aria-label="Views" className="view-switch">
      <Link to="/applications" aria-current={current === 'list' ? 'page' : undefined}>
        List
      </Link>
      <Link to="/applications/board" aria-current={current === 'board' ? 'page' : undefined}>
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
  const to = (status: Status | null) =>
    `/applications${listQuerySearch({ ...query, status, page: 1 })}`;
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
  if (pages <= 1) return null;
  const to = (n: number) => `/applications${listQuerySearch({ ...query, page: n })}`;
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
