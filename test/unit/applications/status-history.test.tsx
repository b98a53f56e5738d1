// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusHistory } from '~/applications/detail';
import type { HistoryEntry } from '~/applications/types';
import { renderRoutes } from '../../support/render';

const APPLICATION = '5b2f3c1d-8e7a-4f60-9b21-3c4d5e6f7a80';
const at = '2026-11-30T10:00:00.000Z';
const entry = (
  id: string,
  from: HistoryEntry['fromStatus'],
  to: HistoryEntry['toStatus'],
  occurredOn: string | null = null,
): HistoryEntry => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  fromStatus: from,
  toStatus: to,
  changedAt: at,
  occurredOn,
});

function renderHistory(history: HistoryEntry[]) {
  renderRoutes([
    { path: '/', Component: () => <StatusHistory applicationId={APPLICATION} history={history} /> },
  ]);
  return screen.getAllByRole('listitem');
}

const HINT = /This is the day it was added here\. If it happened earlier, change the date/;

describe('the status history', () => {
  it('says a status given when the application was added is dated that day, until a day is given', () => {
    const [rejected, dated] = renderHistory([
      entry('1', null, 'rejected'),
      entry('2', null, 'interviewing', '2026-10-20'),
    ]);
    expect(within(rejected!).getByText(HINT)).toBeTruthy();
    expect(within(dated!).queryByText(HINT)).toBeNull();
  });

  it('says nothing of the kind for a change made later, or an application added as Saved or Applied', () => {
    const items = renderHistory([
      entry('1', 'applied', 'rejected'),
      entry('2', 'saved', 'applied'),
      entry('3', null, 'saved'),
    ]);
    for (const item of items) expect(within(item).queryByText(HINT)).toBeNull();
    expect(screen.queryByText(HINT)).toBeNull();
    renderHistory([entry('4', null, 'applied')]);
    expect(screen.queryByText(HINT)).toBeNull();
  });
});
