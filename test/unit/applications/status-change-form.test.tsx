// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { UndoMoveSchema } from '~/applications/application-schema';
import { StatusChangeForm } from '~/applications/detail';
import { invalid } from '~/components/forms/form.server';
import { UNDO_CHANGED_SINCE } from '~/applications/history-date';
import type { HistoryEntry } from '~/applications/types';
import { renderRoutes } from '../../support/render';

vi.mock('~/analytics/posthog.client', () => ({ track: vi.fn() }));

const move: HistoryEntry = {
  id: '4f0c7f43-8a59-4a55-9d3e-1f3c2b2a9e11',
  fromStatus: 'applied',
  toStatus: 'offer',
  changedAt: '2026-11-30T10:15:00.000Z',
  occurredOn: null,
  oneStep: true,
};

// The page's action as it answers an undo the application has changed since: 409, the message.
async function refuseUndo({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: UndoMoveSchema });
  return invalid(submission, { formErrors: [UNDO_CHANGED_SINCE] }, { status: 409 });
}

function Page() {
  return (
    <StatusChangeForm
      status="offer"
      lastResult={useActionData<typeof refuseUndo>()}
      moved={{ applicationId: 'a1', entry: move, undoable: true }}
    />
  );
}

describe('the status card after a move', () => {
  it('says the move, with its date and the way to undo it, in one status region', () => {
    renderRoutes([{ path: '/', Component: Page, action: refuseUndo }]);
    // The buttons' own regions say nothing until pressed.
    const said = screen.getAllByRole('status').filter((region) => region.textContent);
    expect(said.map((region) => region.textContent)).toEqual([
      'Moved to Offer from Applied, dated 30 Nov 2026. If it happened on another day, change the date.',
    ]);
    expect(screen.getByRole('button', { name: 'Undo this move' })).toBeTruthy();
  });

  it('says a move to Applied is dated by the date applied, with the way to change that date', () => {
    const sent: HistoryEntry = {
      ...move,
      fromStatus: 'saved',
      toStatus: 'applied',
      occurredOn: '2026-11-27',
    };
    function Sent() {
      return (
        <StatusChangeForm
          status="applied"
          moved={{ applicationId: 'a1', entry: sent, undoable: false }}
        />
      );
    }
    renderRoutes([{ path: '/', Component: Sent }]);
    const said = screen.getAllByRole('status').filter((region) => region.textContent);
    expect(said.map((region) => region.textContent)).toEqual([
      'Moved to Applied from Saved, dated by the date applied: 27 Nov 2026. If you sent it on another day, change the date applied.',
    ]);
    expect(screen.getByRole('link', { name: 'change the date applied' }).getAttribute('href')).toBe(
      '/applications/a1/edit',
    );
    expect(screen.queryByRole('button', { name: 'Undo this move' })).toBeNull();
  });

  it('says a refused undo in that region, not against the status menu it did not use', async () => {
    renderRoutes([{ path: '/', Component: Page, action: refuseUndo }]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo this move' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Undo this move' })).toBeNull(),
    );
    const regions = screen.getAllByRole('status').filter((r) => r.textContent);
    expect(regions.map((r) => r.textContent)).toEqual([UNDO_CHANGED_SINCE]);
    const menu = screen.getByLabelText('Status');
    expect(menu.getAttribute('aria-invalid')).toBeNull();
    expect(within(menu.closest('form')!).queryByText(UNDO_CHANGED_SINCE)).toBeNull();
  });
});
