import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { Board } from '~/applications/board';
import type { SaveMove } from '~/applications/board-moves';
import { londonNow } from '~/applications/dates';
import { ViewSwitch } from '~/applications/list-filters';
import { FormErrors, replyMessages } from '~/components/forms';
import { changeGuestStatus, guestApplications, moveGuestApplication } from '~/guest/actions';
import { GUEST_BOARD, GUEST_PATHS } from '~/guest/paths';
import { guestBoard } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Board · Guest · JobTrack' }];

export function clientLoader() {
  const now = londonNow();
  return { now, ...guestBoard(guestApplications(), now) };
}

/** A card's status menu sent as a form (the board takes it over with JavaScript, as for accounts). */
export async function clientAction({ request }: ClientActionFunctionArgs) {
  return (await changeGuestStatus(request, undefined)) ?? redirect(GUEST_BOARD);
}

// A move is saved in this browser's storage at once; the board then reads the data again.
const saveInBrowser: SaveMove = async (card, to) => moveGuestApplication(card.id, to);

export default function GuestBoardPage() {
  const { now, columns, total } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
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
      <FormErrors errors={replyMessages(lastResult ?? undefined)} />
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
