import type { MetaFunction } from '@remix-run/cloudflare';
import { Link, useLoaderData } from '@remix-run/react';
import { Board } from '~/applications/board';
import type { SaveMove } from '~/applications/board-moves';
import { londonNow } from '~/applications/dates';
import { ViewSwitch } from '~/applications/list-filters';
import { guestApplications, moveGuestApplication } from '~/guest/applications';
import { GUEST_PATHS } from '~/guest/paths';
import { guestBoard } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Board · Guest · JobTrack' }];

export function clientLoader() {
  const now = londonNow();
  return { now, ...guestBoard(guestApplications(), now) };
}

// Every move (keyboard, drag, or a card's status menu, which the board takes over once the page
// runs, as guest pages always do) is saved in this browser's storage; the board then reads again.
// So there is no clientAction: no form here is ever sent.
const saveInBrowser: SaveMove = async (card, to) => moveGuestApplication(card.id, to);

export default function GuestBoardPage() {
  const { now, columns, total } = useLoaderData<typeof clientLoader>();
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
      {total === 0 ? (
        <div className="card empty-state">
          <p>You have not added any applications yet.</p>
          <p>
            <Link to={GUEST_PATHS.newApplication}>Add your first application</Link>
          </p>
        </div>
      ) : (
        <Board columns={columns} now={now} save={saveInBrowser} />
      )}
    </div>
  );
}
