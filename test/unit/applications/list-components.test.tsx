// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Pagination, StatusCountLinks } from '~/applications/list-filters';
import { DEFAULT_LIST_QUERY, type ListQuery } from '~/applications/list-query';
import { ApplicationRows } from '~/applications/list-rows';
import type { ListRow } from '~/applications/types';
import { deferred, renderRoutes } from '../../support/render';

const counts = {
  saved: 2,
  applied: 1,
  interviewing: 0,
  offer: 0,
  accepted: 0,
  rejected: 0,
  withdrawn: 0,
  ghosted: 0,
};
const query = (over: Partial<ListQuery> = {}): ListQuery => ({ ...DEFAULT_LIST_QUERY, ...over });
const at = (element: React.ReactNode) =>
  renderRoutes([{ path: '/applications', Component: () => element }], '/applications');

describe('the status count links', () => {
  it('mark the status being shown with aria-current, and only that one', () => {
    at(
      <StatusCountLinks
        query={query({ status: 'applied', q: 'leeds' })}
        counts={counts}
        total={3}
      />,
    );
    const nav = within(screen.getByRole('navigation', { name: 'Filter by status' }));
    const current = nav.getAllByRole('link').filter((link) => link.getAttribute('aria-current'));
    expect(current.map((link) => link.textContent)).toEqual(['Applied 1']);
    // Each link keeps the search and starts again at page 1.
    expect(nav.getByRole('link', { name: 'Saved 2' }).getAttribute('href')).toBe(
      '/applications?q=leeds&status=saved',
    );
  });

  it('mark "All statuses" when no status is chosen', () => {
    at(<StatusCountLinks query={query()} counts={counts} total={3} />);
    const link = screen.getByRole('link', { name: 'All statuses 3' });
    expect(link.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('link', { name: 'Saved 2' }).getAttribute('aria-current')).toBeNull();
  });
});

describe('pagination', () => {
  it('shows nothing when everything fits on one page', () => {
    at(<Pagination query={query()} page={1} pages={1} />);
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
  });

  it('links to the pages either side, keeping the filters', () => {
    at(<Pagination query={query({ status: 'saved', sort: 'closing' })} page={2} pages={3} />);
    const nav = within(screen.getByRole('navigation', { name: 'Pagination' }));
    expect(nav.getByText('Page 2 of 3')).toBeTruthy();
    expect(nav.getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe(
      '/applications?status=saved&sort=closing',
    );
    expect(nav.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe(
      '/applications?status=saved&sort=closing&page=3',
    );
  });

  it('has no "Previous" on the first page and no "Next" on the last', () => {
    at(<Pagination query={query({ page: 1 })} page={1} pages={2} />);
    expect(screen.queryByRole('link', { name: 'Previous page' })).toBeNull();
    cleanup();
    at(<Pagination query={query({ page: 2 })} page={2} pages={2} />);
    expect(screen.queryByRole('link', { name: 'Next page' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Previous page' })).toBeTruthy();
  });
});

const rows: ListRow[] = [
  {
    id: 'a1',
    company: 'Acme',
    role: 'Clerk',
    status: 'applied',
    closingDate: null,
    closingTime: null,
    mayCloseEarly: false,
    grade: null,
    updatedAt: '2026-11-01T10:00:00Z',
  },
  {
    id: 'b2',
    company: 'Bolt',
    role: 'Driver',
    status: 'saved',
    closingDate: '2026-12-01',
    closingTime: null,
    mayCloseEarly: false,
    grade: null,
    updatedAt: '2026-11-02T10:00:00Z',
  },
];

describe('changing a status from the list', () => {
  it('shows the chosen status at once, on that row only, while the change is saved', async () => {
    const saving = deferred();
    renderRoutes(
      [
        {
          path: '/applications',
          Component: () => (
            <ApplicationRows
              rows={rows}
              statusAction="/applications?index&status=saved&sort=closing"
              now={{ date: '2026-11-27', time: '12:00' }}
            />
          ),
          action: () => saving.promise,
        },
      ],
      '/applications',
    );
    const row = (name: string) => within(screen.getByRole('link', { name }).closest('li')!);
    fireEvent.change(row('Driver at Bolt').getByLabelText('Status for Driver at Bolt'), {
      target: { value: 'offer' },
    });
    fireEvent.click(row('Driver at Bolt').getByRole('button', { name: 'Update' }));

    await waitFor(() =>
      expect(row('Driver at Bolt').getByRole('status').textContent).toBe('Updating…'),
    );
    expect(row('Driver at Bolt').getByText('Offer', { selector: '.status-badge' })).toBeTruthy();
    // The other row still shows what it had, and says nothing.
    expect(row('Clerk at Acme').getByText('Applied', { selector: '.status-badge' })).toBeTruthy();
    expect(row('Clerk at Acme').getByRole('status').textContent).toBe('');
    saving.resolve(null);
    // Once the change is answered, the row shows what the loader says again (here: unchanged).
    await waitFor(() => expect(row('Driver at Bolt').getByRole('status').textContent).toBe(''));
    expect(row('Driver at Bolt').getByText('Saved', { selector: '.status-badge' })).toBeTruthy();
  });
});
