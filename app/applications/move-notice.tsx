import { Form, Link } from '@remix-run/react';
import { SubmitButton } from '~/components/forms/submit-button';
import { UNDO_MOVE } from './history-date';
import { useTrackerPaths } from './paths';
import { STATUS_LABELS, type Status } from './statuses';

/** A status move just made from a list, the board or the dashboard (moved.server.ts). */
export type Move = {
  id: string;
  applicationId: string;
  /** "Staff Nurse at Leeds Teaching Hospitals". */
  name: string;
  fromStatus: Status;
  toStatus: Status;
  /** True while nothing has changed the application since the move. */
  undoable: boolean;
};

/**
 * What a status move from a list of applications did, and a way to undo it: the moved row may
 * have jumped to the top of the list, or left a filtered list or the dashboard's suggestions. It
 * stays in view as the page scrolls (the form may have been far down it) until closed. One
 * `role=status` region, there before its words, so that a screen reader says them when they come.
 */
export function MoveNotice({
  move,
  undone,
  action,
  close,
}: {
  move: Move | null;
  /** Just after an undo: the notice saying so. */
  undone: string | null;
  /** Where "Undo this move" posts: the page's own action, which handles it. */
  action: string;
  /** The page's address without the notice. */
  close: string;
}) {
  const paths = useTrackerPaths();
  const shown = Boolean(move || undone);
  return (
    <div role="status" className={shown ? 'notice move-notice' : undefined}>
      {move ? (
        <>
          <p>
            {move.name} moved to {STATUS_LABELS[move.toStatus]}, from{' '}
            {STATUS_LABELS[move.fromStatus]}.
          </p>
          <div className="move-notice__actions">
            {move.undoable ? (
              <Form method="post" action={action} preventScrollReset>
                <input type="hidden" name="id" value={move.applicationId} />
                <input type="hidden" name="change" value={move.id} />
                <SubmitButton
                  inline
                  name="intent"
                  value={UNDO_MOVE}
                  className="button--small button--secondary"
                  pendingText="Undoing…"
                  formAction={action}
                  fields={{ change: move.id }}
                >
                  Undo this move
                </SubmitButton>
              </Form>
            ) : null}
            {/* Not named again: the list's own link to it has the name. */}
            <Link to={paths.detail(move.applicationId)}>Open the application</Link>
            <Link to={close} preventScrollReset className="link-button move-notice__close">
              Close
            </Link>
          </div>
        </>
      ) : undone ? (
        <div className="move-notice__actions">
          <p>{undone}</p>
          <Link to={close} preventScrollReset className="link-button move-notice__close">
            Close
          </Link>
        </div>
      ) : null}
    </div>
  );
}
