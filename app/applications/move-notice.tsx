import { Link } from '@remix-run/react';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { focusIsLost } from '~/components/focus-on-new-page';
import type { NoticeKey } from '~/components/notice';
import { UndoMoveForm } from './undo-move';
import { useTrackerPaths } from './paths';
import { STATUS_LABELS, type Status } from './statuses';

/** A status move just made from a list, the board or the dashboard (moved.server.ts). */
export type Move = {
  id: string;
  applicationId: string;
  role: string;
  company: string;
  fromStatus: Status;
  toStatus: Status;
  /** True while nothing has changed the application since the move. */
  undoable: boolean;
};

/**
 * `path` with the notice saying what a status form did: the move `change` (a history entry's id),
 * which moved.server.ts reads, or, for null, that nothing was changed. Written out rather than by
 * `withNotice`, which would bring its module to every page that says a move.
 */
export function withMoveSaid(path: string, change: string | null) {
  const notice: NoticeKey = change ? 'status-changed' : 'status-unchanged';
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}${change ? `&change=${change}` : ''}`;
}

/** Characters of a role or a company past which the notice shows it on one line, cut short. */
const LONG_NAME = 45;

/**
 * A role or company in the notice. On a phone very long ones would make the notice, which stays
 * in view, a screen tall: each is then drawn on one line and cut short, and read out whole.
 */
function Name({ text }: { text: string }) {
  return text.length > LONG_NAME ? <span className="move-notice__name">{text}</span> : text;
}

/**
 * While a floating notice says `said` (null: nothing), scrolls the page so that the focused
 * control (a card just moved by keyboard, or one reached with Tab) is not hidden under it.
 */
function useFocusClearOf(notice: RefObject<HTMLElement>, said: string | null) {
  useEffect(() => {
    if (said === null) return;
    let frame = 0;
    const clear = () => {
      const box = notice.current;
      const focused = document.activeElement;
      // Nothing focused (a page just loaded, the skip link's main): nothing to bring into view.
      if (!box || focusIsLost() || !focused || box.contains(focused)) return;
      if (getComputedStyle(box).position !== 'fixed') return;
      const over = box.getBoundingClientRect();
      const under = focused.getBoundingClientRect();
      const hidden =
        under.bottom > over.top &&
        under.top < over.bottom &&
        under.right > over.left &&
        under.left < over.right;
      if (hidden) window.scrollBy({ top: under.bottom - over.top + 16 });
    };
    // After the browser has scrolled the newly focused control into view, which follows focusin.
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(clear);
    };
    later();
    document.addEventListener('focusin', later);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', later);
    };
  }, [notice, said]);
}

/**
 * What a status move from a list of applications did, and a way to undo it: the moved row may
 * have jumped to the top of the list, or left a filtered list or the dashboard's suggestions. On
 * a screen tall enough it stays in view as the page scrolls (the form may have been far down it)
 * until closed. Its words are one `role=status` region, there before them, so that a screen
 * reader says them when they come; the buttons beside them are not read with them.
 */
export function MoveNotice({
  move,
  notice,
  undoRefused = null,
  action,
  close,
  floating = false,
}: {
  move: Move | null;
  /** Said with no move: after an undo, or a status sent unchanged. */
  notice: string | null;
  /** "Undo this move" refused (changed since): said here, where it was pressed. */
  undoRefused?: string | null;
  /** Where "Undo this move" posts: the page's own action, which handles it. */
  action: string;
  /** The page's address without the notice. */
  close: string;
  /**
   * Drawn over the foot of the screen instead of above the page's content: the board's, which
   * would otherwise push the columns down under the card just dropped.
   */
  floating?: boolean;
}) {
  const paths = useTrackerPaths();
  const textId = useId();
  const card = useRef<HTMLDivElement>(null);
  const said = undoRefused ?? notice;
  const shown = Boolean(move || said);
  const drawn = useRef(false);
  useEffect(() => {
    // Not on the page's first load: only once something the person pressed has changed it.
    if (!drawn.current) {
      drawn.current = true;
      return;
    }
    // The pressed control (a row that left a filtered list, Undo, Close) is gone: keyboard and
    // screen reader users go on from the notice, or from the page once it is closed.
    if (!focusIsLost()) return;
    if (shown) card.current?.focus({ preventScroll: true });
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [shown, move?.id, said]);
  useFocusClearOf(card, floating && shown ? (move?.id ?? said) : null);
  const box = (
    <div
      ref={card}
      tabIndex={shown ? -1 : undefined}
      className={
        shown ? `notice move-notice${floating ? ' move-notice--floating' : ''}` : undefined
      }
    >
      <p role="status" id={textId} className="move-notice__text">
        {said ??
          (move ? (
            <>
              <Name text={move.role} /> <Name text={`at ${move.company}`} /> moved to{' '}
              {STATUS_LABELS[move.toStatus]}, from {STATUS_LABELS[move.fromStatus]}.
            </>
          ) : (
            ''
          ))}
      </p>
      {shown ? (
        <div className="move-notice__actions">
          {move?.undoable && !undoRefused ? (
            <UndoMoveForm action={action} change={move.id} fields={{ id: move.applicationId }} />
          ) : null}
          {move ? (
            // Described by the words above, not named again: the list's own link has the name.
            <Link to={paths.detail(move.applicationId)} aria-describedby={textId}>
              Open the application
            </Link>
          ) : null}
          <Link to={close} preventScrollReset className="link-button move-notice__close">
            Close
          </Link>
        </div>
      ) : null}
    </div>
  );
  // A floating notice leaves the page's flow: its place is kept, so nothing moves when it comes.
  return floating ? <div className="move-notice-place">{box}</div> : box;
}
