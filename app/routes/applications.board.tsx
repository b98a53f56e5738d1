import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData, useNavigate } from '@remix-run/react';
import { useCallback } from 'react';
import { moveOrUndo } from '~/applications/actions.server';
import { Board } from '~/applications/board';
import { saveOnServer } from '~/applications/board-moves';
import { loadBoard } from '~/applications/board.server';
import { londonNow } from '~/applications/dates';
import { ViewSwitch } from '~/applications/list-filters';
import { MoveNotice, withMoveSaid } from '~/applications/move-notice';
import { splitUndoRefusal } from '~/applications/undo-move';
import { namedMove, noticeWithoutMove } from '~/applications/moved.server';
import { requireUserClaim } from '~/auth/current-user.server';
import { FormErrors } from '~/components/forms/messages';
import { readForm } from '~/components/forms/form.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Board · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const now = londonNow();
  return {
    now,
    ...(await loadBoard(context, user, now, namedMove(request))),
    said: noticeWithoutMove(request),
  };
}

const BOARD = '/applications/board';

/**
 * A card's status menu without JavaScript, or undoing the move it just made; afterwards, back to
 * the board, which says what moved. (With JavaScript a card moves through its status route, and
 * the board then goes to the same address that says the move.)
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const formData = await readForm(request);
  return moveOrUndo(context, user, formData, BOARD);
}

export default function BoardPage() {
  const { now, columns, total, move, said } = useLoaderData<typeof loader>();
  const { undoRefused, errors } = splitUndoRefusal(useActionData<typeof action>());
  const navigate = useNavigate();
  const sayMove = useCallback(
    (change: string | null) =>
      navigate(withMoveSaid(BOARD, change), { replace: true, preventScrollReset: true }),
    [navigate],
  );
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>Board</h1>
        <div className="page-head__actions">
          <ViewSwitch current="board" />
          <Link to="/applications/new" className="button">
            Add application
          </Link>
        </div>
      </div>
      <MoveNotice
        move={move}
        notice={said}
        undoRefused={undoRefused}
        action={BOARD}
        close={BOARD}
        floating
      />
      <FormErrors errors={errors} />
      {total === 0 ? (
        <div className="card empty-state">
          <p>You have not added any applications yet.</p>
          <p>
            <Link to="/applications/new">Add your first application</Link>
          </p>
        </div>
      ) : (
        <Board columns={columns} now={now} save={saveOnServer} sayMove={sayMove} />
      )}
    </div>
  );
}
