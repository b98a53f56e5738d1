import { useLocation, useNavigation, useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { STATUS_UNCHANGED } from './move-said';
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
 * or another page on its way): then it is announced, and the data read again. A card's moves are
 * saved one after another, in the order they were made.
 */
export function useBoardMoves(serverRows: ListRow[], save: SaveMove, sayMove: SayMove) {
  const [moves, setMoves] = useState<Record<string, Status>>({});
  const [said, setSaid] = useState<Said>({ message: null, announcement: '' });
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const location = useLocation();
  // Read when a save answers, which may be after the person has gone on: a form on its way, or
  // another page (not this board, loading a move it says).
  const leaving = useRef(false);
  const submitting = useRef(false);
  submitting.current = navigation.state === 'submitting';
  leaving.current =
    submitting.current ||
    (navigation.state === 'loading' && navigation.location.pathname !== location.pathname);
  const mounted = useRef(false);
  const latest = useRef(0);
  const pending = useRef(0);
  const saving = useRef(new Map<string, Promise<unknown>>());
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
    // While a move is being saved its notice is still to come: this one is only announced.
    if (pending.current > 0 || leaving.current) announce(STATUS_UNCHANGED);
    else sayMove(null);
  }, [announce, sayMove]);

  const move = useCallback(
    async (card: ListRow, to: Status) => {
      if (card.status === to) return;
      const ticket = ++latest.current;
      setMoves((m) => ({ ...m, [card.id]: to }));
      setSaid({ message: null, announcement: `Moving ${name(card)} to ${STATUS_LABELS[to]}.` });
      // After the card's earlier moves, so that they reach the server in the order made.
      const saved = (saving.current.get(card.id) ?? Promise.resolve()).then(() => save(card, to));
      saving.current.set(card.id, saved);
      pending.current += 1;
      const outcome = await saved.finally(() => {
        pending.current -= 1;
        if (saving.current.get(card.id) === saved) saving.current.delete(card.id);
      });
      // The data is read again even when the board has gone: the page shown may list the card.
      const readAgain = () => {
        if (!submitting.current) revalidator.revalidate();
      };
      if (!mounted.current) {
        if (!('error' in outcome)) readAgain();
        return;
      }
      if ('error' in outcome) {
        setMoves((m) => {
          const { [card.id]: _undone, ...rest } = m;
          return rest;
        });
        const text = `${name(card)} was not moved to ${STATUS_LABELS[to]}, so it is back in ${STATUS_LABELS[card.status]}. ${outcome.error}`;
        setSaid({ message: { text, failed: true }, announcement: text });
        return;
      }
      if (ticket === latest.current && !leaving.current) {
        // The notice says it (a status region): not said twice.
        setSaid({ message: null, announcement: '' });
        sayMove(outcome.change);
        return;
      }
      setSaid({ message: null, announcement: `${name(card)} moved to ${STATUS_LABELS[to]}.` });
      readAgain();
    },
    [revalidator, save, sayMove],
  );

  const dismiss = useCallback(() => setSaid((s) => ({ ...s, message: null })), []);
  return { moves, move, keep, said, announce, dismiss };
}
