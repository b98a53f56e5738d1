import { useNavigation, useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { STATUS_LABELS, type Status } from './statuses';
import type { ListRow } from './types';

/** What a move says, to the eye (`message`) and to a screen reader (`announcement`). */
type Said = { message: { text: string; failed: boolean } | null; announcement: string };

const name = (card: ListRow) => `${card.role} at ${card.company}`;

/**
 * A status move saved: the history entry it made (null if the application already had that
 * status), or why it was not saved. The account's status route and guest mode's storage answer it.
 */
export type MoveResult = { change: string | null } | { error: string };

/** Saves a card's move (its refusal is shown beside the board, and the card goes back). */
export type SaveMove = (card: ListRow, to: Status) => Promise<MoveResult>;

/** The account's save: the application's status route, answering JSON. */
export const saveOnServer: SaveMove = async (card, to) => {
  try {
    const response = await fetch(`/applications/${card.id}/status`, {
      method: 'POST',
      body: new URLSearchParams({ status: to }),
      headers: { Accept: 'application/json' },
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.ok) return { change: typeof body?.change === 'string' ? body.change : null };
    return { error: typeof body?.error === 'string' ? body.error : 'It could not be saved.' };
  } catch {
    return { error: 'It could not be saved: check your connection.' };
  }
};

/**
 * How the page says a saved move: by going to its own address naming the move's history entry,
 * where the page reads it again and shows it with Undo beside it (move-notice.tsx); null says that
 * nothing was changed.
 */
export type SayMove = (change: string | null) => void;

/**
 * Optimistic status moves for the board: a card shows in its new column at once while the move
 * is saved (by `save`); if saving fails it goes back where it was, with a message saying so. A
 * saved move is said by `sayMove`, unless the person has gone on meanwhile (another move since,
 * or a page on its way): then it is announced, and the board reads its data again.
 */
export function useBoardMoves(serverRows: ListRow[], save: SaveMove, sayMove: SayMove) {
  const [moves, setMoves] = useState<Record<string, Status>>({});
  const [said, setSaid] = useState<Said>({ message: null, announcement: '' });
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // Read when a save answers, which may be after the person has moved on.
  const leaving = useRef(false);
  leaving.current = navigation.state !== 'idle';
  const mounted = useRef(false);
  const latest = useRef(0);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

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

  /** A card's menu sent with the status the card has: nothing to save, and the page says so. */
  const keep = useCallback(() => {
    if (!leaving.current) sayMove(null);
  }, [sayMove]);

  const move = useCallback(
    async (card: ListRow, to: Status) => {
      if (card.status === to) return;
      const ticket = ++latest.current;
      setMoves((m) => ({ ...m, [card.id]: to }));
      setSaid({ message: null, announcement: `Moving ${name(card)} to ${STATUS_LABELS[to]}.` });
      const saved = await save(card, to);
      if (!mounted.current) return;
      if ('error' in saved) {
        setMoves((m) => {
          const { [card.id]: _undone, ...rest } = m;
          return rest;
        });
        const text = `${name(card)} was not moved to ${STATUS_LABELS[to]}, so it is back in ${STATUS_LABELS[card.status]}. ${saved.error}`;
        setSaid({ message: { text, failed: true }, announcement: text });
        return;
      }
      if (ticket === latest.current && !leaving.current) {
        // The notice says it (a status region): not said twice.
        setSaid({ message: null, announcement: '' });
        sayMove(saved.change);
        return;
      }
      setSaid({ message: null, announcement: `${name(card)} moved to ${STATUS_LABELS[to]}.` });
      if (!leaving.current) revalidator.revalidate();
    },
    [revalidator, save, sayMove],
  );

  const dismiss = useCallback(() => setSaid((s) => ({ ...s, message: null })), []);
  return { moves, move, keep, said, announce, dismiss };
}
