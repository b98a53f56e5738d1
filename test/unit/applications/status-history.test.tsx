// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusHistory } from '~/applications/detail';
import type { HistoryEntry } from '~/applications/types';
import { renderRoutes } from '../../support/render';

const APPLICATION = '5b2f3c1d-8e7a-4f60-9b21-3c4d5e6f7a80';
const ADDED = '2026-11-30T10:00:00.000Z';
const LATER = '2026-11-30T16:45:00.000Z';

let ids = 0;
const entry = (
  from: HistoryEntry['fromStatus'],
  to: HistoryEntry['toStatus'],
  { at = ADDED, on = null }: { at?: string; on?: string | null } = {},
): HistoryEntry => ({
  id: `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  fromStatus: from,
  toStatus: to,
  changedAt: at,
  occurredOn: on,
});

/** The history's items, newest first as the page gives them. */
function renderHistory(history: HistoryEntry[]) {
  const { unmount } = renderRoutes([
    { path: '/', Component: () => <StatusHistory applicationId={APPLICATION} history={history} /> },
  ]);
  return { items: screen.getAllByRole('listitem'), unmount };
}

const HINT = /This is the day it was added here\. If it happened earlier, change the date/;

describe('the status history', () => {
  it('says a status given as the application was added is dated that day, until a day is given', () => {
    // Added at Rejected with a date applied: to Applied on that day, on to Rejected as it was added.
    const { items, unmount } = renderHistory([
      entry('applied', 'rejected'),
      entry(null, 'applied', { on: '2026-10-15' }),
    ]);
    expect(within(items[0]!).getByText(HINT)).toBeTruthy();
    expect(within(items[1]!).queryByText(HINT)).toBeNull();
    unmount();
    // Added at Interviewing with no date applied; then the same, given its day.
    for (const [on, shown] of [
      [null, true],
      ['2026-10-20', false],
    ] as const) {
      const {
        items: [added],
        unmount: done,
      } = renderHistory([entry(null, 'interviewing', { on })]);
      expect(within(added!).queryByText(HINT) !== null, String(on)).toBe(shown);
      done();
    }
  });

  it('says nothing of the kind for a change made later, or an application added as Saved or Applied', () => {
    const { unmount } = renderHistory([
      entry('applied', 'rejected', { at: LATER }),
      entry('saved', 'applied', { at: LATER, on: '2026-11-02' }),
      entry(null, 'saved'),
    ]);
    expect(screen.queryByText(HINT)).toBeNull();
    unmount();
    renderHistory([entry(null, 'applied', { on: '2026-11-02' })]);
    expect(screen.queryByText(HINT)).toBeNull();
  });
});
