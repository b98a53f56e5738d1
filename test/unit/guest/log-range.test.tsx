// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '~/applications/dates';
import { renderRoutes } from '../../support/render';

// Guest mode's job-search log checks the dates it is asked for with the range's schema, which is
// not in the page's first load (docs/decisions/039): the default range needs no checks.

async function showLog(fragment = '') {
  const { default: GuestLog, clientLoader } = await import('~/routes/guest.log');
  renderRoutes(
    [{ path: '/guest/log', Component: GuestLog, loader: () => clientLoader() }],
    `/guest/log${fragment}`,
  );
}

/** Makes fetching the range's checks fail, as a browser does offline when it never fetched them. */
function checksUnreachable() {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.doMock('~/job-search-log/range-schema', () => {
    throw new TypeError('Failed to fetch dynamically imported module');
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.doUnmock('~/job-search-log/range-schema');
  vi.resetModules();
  vi.restoreAllMocks();
  localStorage.clear();
});

const heading = (from: string, to: string) =>
  screen.findByRole('heading', { level: 2, name: `${formatDate(from)} to ${formatDate(to)}` });

describe('guest mode’s job-search log', () => {
  it('shows the last 14 days without the range’s checks', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    checksUnreachable();
    await showLog();
    expect(await heading('2026-11-15', '2026-11-28')).toBeTruthy();
    expect(console.error).not.toHaveBeenCalled();
  });

  it('shows the dates the fragment asks for, once they are checked', async () => {
    await showLog('#from.day=3&from.month=11&from.year=2026&to.day=28&to.month=11&to.year=2026');
    expect(await heading('2026-11-03', '2026-11-28')).toBeTruthy();
    expect(screen.getByText('Nothing recorded in these dates.')).toBeTruthy();
  });

  it('says what is wrong with dates that do not make a range, beside the field', async () => {
    await showLog('#from.day=28&from.month=11&from.year=2026&to.day=3&to.month=11&to.year=2026');
    expect(await screen.findAllByText('To must be the same as or after From')).not.toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'The log, as a table' })).toBeNull();
  });

  it('shows the dates asked for in the form, and no log, while their checks load', async () => {
    vi.doMock('~/job-search-log/range-schema', () => new Promise(() => {}));
    await showLog('#from.day=3&from.month=11&from.year=2026&to.day=28&to.month=11&to.year=2026');
    await screen.findByRole('heading', { level: 1, name: 'Job-search log' });
    expect(screen.getAllByLabelText('Day').map((day) => (day as HTMLInputElement).value)).toEqual([
      '3',
      '28',
    ]);
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
  });

  it('takes no typing while the dates asked for are checked, so nothing typed is redrawn away', async () => {
    type RangeSchema = typeof import('~/job-search-log/range-schema');
    let arrive: ((schema: RangeSchema) => void) | undefined;
    vi.doMock('~/job-search-log/range-schema', () => new Promise<RangeSchema>((r) => (arrive = r)));
    const actual = await vi.importActual<RangeSchema>('~/job-search-log/range-schema');
    await showLog('#from.day=3&from.month=11&from.year=2026&to.day=28&to.month=11&to.year=2026');
    await screen.findByText('Checking these dates…');
    // happy-dom does not disable a field through its fieldset; a browser does (HTML's rule).
    const disabled = (element: HTMLElement) => element.closest('fieldset[disabled]') !== null;
    expect(screen.getAllByLabelText('Day').map(disabled)).toEqual([true, true]);
    expect(disabled(screen.getByRole('button', { name: 'Show the log' }))).toBe(true);
    // The page asks for the checks as it draws; they arrive once it has.
    await vi.waitFor(() => expect(arrive).toBeDefined());
    arrive?.(actual);
    expect(await heading('2026-11-03', '2026-11-28')).toBeTruthy();
    expect(screen.getAllByLabelText('Day').map(disabled)).toEqual([false, false]);
    expect(screen.queryByText('Checking these dates…')).toBeNull();
  });

  it('gives up waiting for checks that never come, so the form is not left closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    vi.doMock('~/job-search-log/range-schema', () => new Promise(() => {}));
    const { RANGE_NOT_LOADED, CHECKS_WAIT_MS } = await import('~/guest/log-range');
    await showLog('#from.day=3&from.month=11&from.year=2026&to.day=28&to.month=11&to.year=2026');
    await screen.findByText('Checking these dates…');
    await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0)); // the wait has begun
    await vi.advanceTimersByTimeAsync(CHECKS_WAIT_MS);
    expect(await screen.findByText(RANGE_NOT_LOADED)).toBeTruthy();
    expect(screen.getAllByLabelText('Day')[0]!.closest('fieldset[disabled]')).toBeNull();
    expect(screen.getAllByLabelText('Day')[1]).toHaveProperty('value', '28');
  });

  it('says the log was not shown, keeping the dates asked for, when the checks cannot be fetched', async () => {
    checksUnreachable();
    const { RANGE_NOT_LOADED } = await import('~/guest/log-range');
    await showLog('#from.day=3&from.month=11&from.year=2026&to.day=28&to.month=11&to.year=2026');
    expect(await screen.findByText(RANGE_NOT_LOADED)).toBeTruthy();
    expect(screen.getAllByLabelText('Day')[1]).toHaveProperty('value', '28');
    expect(screen.queryByRole('heading', { level: 2, name: /to 28 Nov 2026/ })).toBeNull();
  });
});
