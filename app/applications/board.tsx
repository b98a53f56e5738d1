import { Link } from '@remix-run/react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useHydrated } from '~/components/hydrated';
import type { BoardColumn } from './board.server';
import { useBoardMoves, type SaveMove, type SayMove } from './board-moves';
import { ClosingLabel } from './closing-label';
import type { LondonNow } from './dates';
import { useTrackerPaths } from './paths';
import { STATUS_LABELS, STATUS_OPTIONS, STATUSES, type Status } from './statuses';
import type { ListRow } from './types';

const HELP_ID = 'board-move-help';

const name = (card: ListRow) => `${card.role} at ${card.company}`;

type Grab = { card: ListRow; over: Status };

/** A key on a card's move button, or a click there, which picks the card up as Enter does. */
type MoveKey = Pick<KeyboardEvent<HTMLButtonElement>, 'key' | 'preventDefault'>;

/**
 * One column per status. Without JavaScript each card has its status menu (a plain form). With
 * it, a card can also be dragged to another column, or moved with the keyboard from its Move
 * button (arrows choose the column, Enter drops, Escape cancels), each step announced; moves
 * show at once and go back, with a message, if they cannot be saved.
 */
export function Board({
  columns,
  now,
  save,
  sayMove,
}: {
  columns: BoardColumn[];
  now: LondonNow;
  /** How a move is saved: the account's status route, or guest mode's storage. */
  save: SaveMove;
  sayMove: SayMove;
}) {
  const hydrated = useHydrated();
  const paths = useTrackerPaths();
  const serverRows = useMemo(() => columns.flatMap((c) => c.rows), [columns]);
  const { moves, move, keep, said, announce, dismiss } = useBoardMoves(serverRows, save, sayMove);
  const [grab, setGrab] = useState<Grab | null>(null);
  const [dragOver, setDragOver] = useState<Status | null>(null);
  const refocus = useRef<string | null>(null);

  // A card that moved column is a new element: give focus back to its Move button.
  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(`move-${refocus.current}`)?.focus();
    refocus.current = null;
  });

  const shown = STATUSES.map((status) => {
    const column = columns.find((c) => c.status === status)!;
    const arriving = serverRows.filter((r) => moves[r.id] === status && r.status !== status);
    const staying = column.rows.filter((r) => !moves[r.id] || moves[r.id] === status);
    const leaving = column.rows.length - staying.length;
    return {
      status,
      rows: [...arriving.map((r) => ({ ...r, status })), ...staying],
      total: column.total + arriving.length - leaving,
      more: column.total - column.rows.length,
    };
  });

  const drop = (card: ListRow, to: Status) => {
    refocus.current = card.id;
    void move(card, to);
  };

  const onMoveKey = (card: ListRow) => (event: MoveKey) => {
    const index = STATUSES.indexOf(grab?.over ?? card.status);
    if (!grab || grab.card.id !== card.id) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setGrab({ card, over: card.status });
        announce(
          `Picked up ${name(card)}, in ${STATUS_LABELS[card.status]}. Use the left and right arrow keys to choose a column, Enter to move it there, Escape to cancel.`,
        );
      }
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = STATUSES[index + (event.key === 'ArrowRight' ? 1 : -1)];
      if (!next) return;
      setGrab({ card, over: next });
      announce(
        `${STATUS_LABELS[next]}, column ${STATUSES.indexOf(next) + 1} of ${STATUSES.length}.`,
      );
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setGrab(null);
      if (grab.over === card.status)
        announce(`${name(card)} stays in ${STATUS_LABELS[card.status]}.`);
      else drop(card, grab.over);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setGrab(null);
      announce(`Move cancelled. ${name(card)} stays in ${STATUS_LABELS[card.status]}.`);
    }
  };

  return (
    <>
      {said.message ? (
        <div className="form-errors board-message" role="alert">
          <p>{said.message.text}</p>
          <button type="button" className="button--small button--secondary" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {said.announcement}
      </div>
      {hydrated ? (
        <p className="visually-hidden" id={HELP_ID}>
          Press Enter to pick this card up, then the left and right arrow keys to choose a column,
          and Enter again to move it there. Escape cancels.
        </p>
      ) : null}
      {/* The columns rarely all fit (on a phone, one does): a way to each, with its count. */}
      <nav aria-label="Board columns" className="board-jump">
        <ul>
          {shown.map((column) => (
            <li key={column.status}>
              <a href={`#column-${column.status}`}>
                {STATUS_LABELS[column.status]} <span className="count">{column.total}</span>
                <span className="visually-hidden">
                  {column.total === 1 ? ' application' : ' applications'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="board">
        {shown.map((column) => (
          <section
            key={column.status}
            className={`board-column${
              grab?.over === column.status || dragOver === column.status
                ? ' board-column--target'
                : ''
            }`}
            aria-labelledby={`column-${column.status}`}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes('text/x-jobtrack-card')) return;
              event.preventDefault();
              setDragOver(column.status);
            }}
            onDragLeave={() => setDragOver((s) => (s === column.status ? null : s))}
            onDrop={(event) => {
              event.preventDefault();
              setDragOver(null);
              const id = event.dataTransfer.getData('text/x-jobtrack-card');
              const card = serverRows.find((r) => r.id === id);
              if (card) drop({ ...card, status: moves[card.id] ?? card.status }, column.status);
            }}
          >
            <h2 id={`column-${column.status}`} className="board-column__title">
              {STATUS_LABELS[column.status]} <span className="count">{column.total}</span>
            </h2>
            {column.rows.length > 0 ? (
              <ul className="board-cards">
                {column.rows.map((card) => (
                  <BoardCard
                    key={card.id}
                    card={card}
                    now={now}
                    hydrated={hydrated}
                    grabbed={grab?.card.id === card.id}
                    onMoveKey={onMoveKey(card)}
                    onBlurMove={() => {
                      if (grab?.card.id !== card.id) return;
                      setGrab(null);
                      announce(
                        `Move cancelled. ${name(card)} stays in ${STATUS_LABELS[card.status]}.`,
                      );
                    }}
                    onChoose={(to) => (to === card.status ? keep() : drop(card, to))}
                  />
                ))}
              </ul>
            ) : (
              <p className="muted board-column__empty">None</p>
            )}
            {column.more > 0 ? (
              <p className="board-column__more">
                <Link to={paths.list({ status: column.status })}>
                  {column.more} more in the list
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

function BoardCard({
  card,
  now,
  hydrated,
  grabbed,
  onMoveKey,
  onBlurMove,
  onChoose,
}: {
  card: ListRow;
  now: LondonNow;
  hydrated: boolean;
  grabbed: boolean;
  onMoveKey: (event: MoveKey) => void;
  onBlurMove: () => void;
  onChoose: (to: Status) => void;
}) {
  const paths = useTrackerPaths();
  const selectId = `board-status-${card.id}`;
  return (
    <li
      className={`board-card card${grabbed ? ' board-card--grabbed' : ''}`}
      draggable={hydrated || undefined}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/x-jobtrack-card', card.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="board-card__head">
        <Link to={paths.detail(card.id)} className="board-card__title">
          {name(card)}
        </Link>
        {hydrated ? (
          <button
            type="button"
            id={`move-${card.id}`}
            className="button--small button--secondary board-card__grab"
            aria-describedby={HELP_ID}
            aria-pressed={grabbed}
            onKeyDown={onMoveKey}
            onClick={(event) => {
              // A click with the mouse picks the card up too; the keys then move it.
              if (event.detail > 0)
                onMoveKey({ key: 'Enter', preventDefault: () => event.preventDefault() });
            }}
            onBlur={onBlurMove}
          >
            <span aria-hidden="true">⠿</span>
            <span className="visually-hidden">Move {name(card)} with the keyboard</span>
          </button>
        ) : null}
      </div>
      <p className="board-card__meta">
        <ClosingLabel
          closingDate={card.closingDate}
          closingTime={card.closingTime}
          mayCloseEarly={card.mayCloseEarly}
          now={now}
        />
        {card.grade ? <span className="muted"> · {card.grade}</span> : null}
      </p>
      {/* A plain form without JavaScript (the board's action redirects back); with it, the same
          choice is an optimistic move. */}
      <form
        method="post"
        action={paths.board ?? undefined}
        className="status-form"
        onSubmit={(event) => {
          event.preventDefault();
          const to = new FormData(event.currentTarget).get('status');
          if (typeof to === 'string') onChoose(to as Status);
        }}
      >
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="id" value={card.id} />
        <label htmlFor={selectId} className="visually-hidden">
          Status for {name(card)}
        </label>
        <select id={selectId} name="status" defaultValue={card.status} key={card.status}>
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button--small button--secondary">
          Move
        </button>
      </form>
    </li>
  );
}
