// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useBoardMoves, type MoveResult, type SaveMove } from '~/applications/board-moves';
import { STATUS_UNCHANGED } from '~/applications/move-said';
import type { Status } from '~/applications/statuses';
import type { ListRow } from '~/applications/types';
import { deferred, renderRoutes } from '../../support/render';

// The board's moves with JavaScript (board-moves.ts), with a save the test answers by hand: the
// order saves reach the server in, and which move the page says (with Undo) or only announces.

const card = (id: string, role: string, company: string, status: Status): ListRow => ({
  id,
  role,
  company,
  status,
  closingDate: null,
  closingTime: null,
  mayCloseEarly: false,
  grade: null,
  updatedAt: '2026-11-30T10:00:00.000Z',
});

const NURSE = card('a1', 'Staff Nurse (Band 5)', 'Leeds Teaching Hospitals NHS Trust', 'saved');
const COACH = card('a2', 'Work Coach (EO)', 'Department for Work and Pensions', 'applied');

/** A save whose answers the test gives, in the order it chooses. */
function heldSaves() {
  const calls: Array<{ id: string; to: Status; answer: (result: MoveResult) => void }> = [];
  const save: SaveMove = (row, to) => {
    const { promise, resolve } = deferred<MoveResult>();
    calls.push({ id: row.id, to, answer: resolve });
    return promise;
  };
  return { calls, save };
}

function renderBoard(save: SaveMove) {
  const sayMove = vi.fn();
  function Board() {
    const { move, keep, said } = useBoardMoves([NURSE, COACH], save, sayMove);
    return (
      <>
        <button onClick={() => void move(NURSE, 'applied')}>Nurse to Applied</button>
        <button onClick={() => void move({ ...NURSE, status: 'applied' }, 'interviewing')}>
          Nurse to Interviewing
        </button>
        <button onClick={() => void move(COACH, 'rejected')}>Coach to Rejected</button>
        <button onClick={keep}>Coach kept</button>
        <p data-testid="announced">{said.announcement}</p>
      </>
    );
  }
  renderRoutes([{ path: '/', Component: Board }]);
  const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
  return { sayMove, press, announced: () => screen.getByTestId('announced').textContent };
}

describe('moving cards on the board with JavaScript', () => {
  it('saves a card’s moves one after another, in the order they were made', async () => {
    const { calls, save } = heldSaves();
    const { press, sayMove } = renderBoard(save);

    press('Nurse to Applied');
    press('Nurse to Interviewing');
    await waitFor(() => expect(calls).toHaveLength(1));
    // The second waits for the first, so the server cannot apply them the other way round.
    await new Promise((settle) => setTimeout(settle, 20));
    expect(calls.map((c) => c.to)).toEqual(['applied']);

    await act(async () => calls[0]!.answer({ change: 'move-1' }));
    await waitFor(() => expect(calls.map((c) => c.to)).toEqual(['applied', 'interviewing']));
    await act(async () => calls[1]!.answer({ change: 'move-2' }));

    // Only the last move is said (with its Undo); the first is announced.
    await waitFor(() => expect(sayMove).toHaveBeenCalledTimes(1));
    expect(sayMove).toHaveBeenCalledWith('move-2');
  });

  it('says the last move made, and announces an earlier one that answers after it', async () => {
    const { calls, save } = heldSaves();
    const { press, sayMove, announced } = renderBoard(save);

    press('Nurse to Applied');
    press('Coach to Rejected');
    await waitFor(() => expect(calls).toHaveLength(2));
    await act(async () => calls[1]!.answer({ change: 'coach-move' }));
    await waitFor(() => expect(sayMove).toHaveBeenCalledWith('coach-move'));
    await act(async () => calls[0]!.answer({ change: 'nurse-move' }));

    await waitFor(() =>
      expect(announced()).toBe(
        'Staff Nurse (Band 5) at Leeds Teaching Hospitals NHS Trust moved to Applied.',
      ),
    );
    expect(sayMove).toHaveBeenCalledTimes(1);
  });

  it('says that nothing changed for a card’s menu left as it was, but not over a move being saved', async () => {
    const { calls, save } = heldSaves();
    const { press, sayMove, announced } = renderBoard(save);

    press('Coach kept');
    expect(sayMove).toHaveBeenCalledWith(null);

    press('Nurse to Applied');
    await waitFor(() => expect(calls).toHaveLength(1));
    press('Coach kept');
    // The move's own notice is still to come: this is announced, and the page does not move.
    expect(announced()).toBe(STATUS_UNCHANGED);
    expect(sayMove).toHaveBeenCalledTimes(1);

    await act(async () => calls[0]!.answer({ change: 'nurse-move' }));
    await waitFor(() => expect(sayMove).toHaveBeenLastCalledWith('nurse-move'));
  });

  it('says that nothing changed when the status was already the one sent (another tab moved it)', async () => {
    const { calls, save } = heldSaves();
    const { press, sayMove } = renderBoard(save);

    press('Coach to Rejected');
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0]!.answer({ change: null }));

    await waitFor(() => expect(sayMove).toHaveBeenCalledWith(null));
  });
});
