import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigate,
  useRevalidator,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { useCallback } from 'react';
import { Board } from '~/applications/board';
import type { SaveMove } from '~/applications/board-moves';
import { londonNow } from '~/applications/dates';
import { ViewSwitch } from '~/applications/list-filters';
import { MoveNotice } from '~/applications/move-notice';
import { FormErrors } from '~/components/forms/messages';
import { guestApplications } from '~/guest/applications';
import { useGuestMoveSaid, withMoveSaidIn } from '~/guest/last-move';
import { GUEST_BOARD, GUEST_PATHS } from '~/guest/paths';
import { moveOrUndo, NOT_LOADED_MESSAGE } from '~/guest/status-change';
import { guestBoard } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Board · Guest · JobTrack' }];

export async function clientLoader() {
  const now = londonNow();
  const applications = await guestApplications();
  return { now, applications, ...guestBoard(applications, now) };
}

/** "Undo this move" beside a card's move just made; the board then says it was undone. */
export async function clientAction({ request }: ClientActionFunctionArgs) {
  return moveOrUndo(request, GUEST_BOARD);
}

// Every move (keyboard, drag, or a card's status menu, which the board takes over once the page
// runs, as guest pages always do) is saved in this browser's storage. Its code loads with the
// first move (guest mode preloads it as it opens: preload.tsx).
const saveInBrowser: SaveMove = async (card, to) => {
  const changes = await import('~/guest/changes').catch(() => null);
  return changes ? changes.moveGuestApplication(card.id, to) : { error: NOT_LOADED_MESSAGE };
};

export default function GuestBoardPage() {
  const { now, applications, columns, total } = useLoaderData<typeof clientLoader>();
  const said = useGuestMoveSaid(applications, useActionData<typeof clientAction>());
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  // The move is named in the fragment (never sent anywhere), in place of any column jumped to; a
  // fragment alone reads no data, so the board reads its storage again.
  const sayMove = useCallback(
    (change: string | null) => {
      navigate(`${GUEST_BOARD}${withMoveSaidIn('', change)}`, {
        replace: true,
        preventScrollReset: true,
      });
      revalidator.revalidate();
    },
    [navigate, revalidator],
  );
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>Board</h1>
        <div className="page-head__actions">
          <ViewSwitch current="board" />
          <Link to={GUEST_PATHS.newApplication} className="button">
            Add application
          </Link>
        </div>
      </div>
      <MoveNotice
        move={said.move}
        notice={said.notice}
        undoRefused={said.undoRefused}
        action={GUEST_BOARD}
        close={`${GUEST_BOARD}${said.close}`}
        floating
      />
      <FormErrors errors={said.errors} />
      {total === 0 ? (
        <div className="card empty-state">
          <p>You have not added any applications yet.</p>
          <p>
            <Link to={GUEST_PATHS.newApplication}>Add your first application</Link>
          </p>
        </div>
      ) : (
        <Board columns={columns} now={now} save={saveInBrowser} sayMove={sayMove} />
      )}
    </div>
  );
}
