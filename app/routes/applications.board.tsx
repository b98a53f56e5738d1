import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { applyStatusChange } from '~/applications/actions.server';
import { Board } from '~/applications/board';
import { loadBoard } from '~/applications/board.server';
import { londonNow } from '~/applications/dates';
import { ViewSwitch } from '~/applications/list-filters';
import { requireUserClaim } from '~/auth/current-user.server';
import { FormErrors, replyMessages } from '~/components/forms';
import { readForm } from '~/components/forms/form.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Board · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const now = londonNow();
  return { now, ...(await loadBoard(context, user, now)) };
}

/** A card's status menu without JavaScript; afterwards, back to the board. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const formData = await readForm(request);
  const refused = await applyStatusChange(context, user, formData.get('id'), formData);
  return refused ?? redirect('/applications/board');
}

export default function BoardPage() {
  const { now, columns, total } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
      <FormErrors errors={replyMessages(lastResult)} />
      {total === 0 ? (
        <div className="card empty-state">
          <p>You have not added any applications yet.</p>
          <p>
            <Link to="/applications/new">Add your first application</Link>
          </p>
        </div>
      ) : (
        <Board columns={columns} now={now} />
      )}
    </div>
  );
}
