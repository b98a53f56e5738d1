import { useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS, type Status } from './statuses';
import type { ListRow } from './types';

/** What a move says, to the eye (`message`) and to a screen reader (`announcement`). */
type Said = { message: { text: string; failed: boolean } | null; announcement: string };

const name = (card: ListRow) => `${card.role} at ${card.company}`;

/**
 * Saves a card's move: the history entry it made (null if the card already had that status), or
 * why it was not saved (shown beside the board).
 */
export type SaveMove = (
  card: ListRow,
  to: Status,
) => Promise<{ change: string | null } | { error: string }>;

/** The account's save: the application's status route, answering JSON. */
export const saveOnServer: SaveMove = async (card, to) => {
  try {
    const response = await fetch(`/applications/${card.id}/status`, {
      method: 'POST',
      body: new URLSearchParams({ status: to }),
      headers: { Accept: 'application/json' },
    });
    const body = (await response.json().catch(() => null)) as {
      error?: string;
      change?: string | null;
    } | null;
    if (response.ok) return { change: body?.change ?? null };
    return { error: body?.error ?? 'It could not be saved.' };
  } catch {
    return { error: 'It could not be saved: check your connection.' };
  }
};

/**
 * How the page says a saved move, given its history entry: by going to its own address naming the
 * move, where the page reads it again and shows it with Undo beside it (move-notice.tsx).
 */
export type SayMove = (change: string) => void;

/**
 * Optimistic status moves for the board: a card shows in its new column at once while the move
 * is saved (by `save`); if saving fails it goes back where it was, with a message saying so.
 */
export function useBoardMoves(serverRows: ListRow[], save: SaveMove, sayMove: SayMove) {
  const [moves, setMoves] = useState<Record<string, Status>>({});
  const [said, setSaid] = useState<Said>({ message: null, announcement: '' });
  const revalidator = useRevalidator();

  // Once the page's data shows a move saved, the optimistic copy is no longer needed.
  useEffect(() => {
    setMoves((current) => {
      const left = Object.entries(current).filter(
        ([id, to]) => serverRows.find((r) => r.id === id)?.status !== to,
      );
      return left.length === Object.keys(current).length ? current : Object.fromEntries(left);
    });
  }, [serverRows]);

  const announce = useCallback((announcement: string) => {
    setSaid((s) => ({ ...s, announcement }));
  }, []);

  const move = useCallback(
    async (card: ListRow, to: Status) => {
      if (card.status === to) return;
      setMoves((m) => ({ ...m, [card.id]: to }));
      setSaid({ message: null, announcement: `Moving ${name(card)} to ${STATUS_LABELS[to]}.` });
      const saved = await save(card, to);
      if ('error' in saved) {
        setMoves((m) => {
          const { [card.id]: _undone, ...rest } = m;
          return rest;
        });
        const text = `${name(card)} was not moved to ${STATUS_LABELS[to]}, so it is back in ${STATUS_LABELS[card.status]}. ${saved.error}`;
        setSaid({ message: { text, failed: true }, announcement: text });
        return;
      }
      if (saved.change) {
        // The notice says it (a status region): not said twice.
        setSaid({ message: null, announcement: '' });
        sayMove(saved.change);
        return;
      }
      setSaid({ message: null, announcement: `${name(card)} moved to ${STATUS_LABELS[to]}.` });
      revalidator.revalidate();
    },
    [revalidator, save, sayMove],
  );

  const dismiss = useCallback(() => setSaid((s) => ({ ...s, message: null })), []);
  return { moves, move, said, announce, dismiss };
}
