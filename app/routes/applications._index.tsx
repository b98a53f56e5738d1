import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { moveOrUndo } from '~/applications/actions.server';
import { londonNow } from '~/applications/dates';
import { ListFilters, Pagination, StatusCountLinks, ViewSwitch } from '~/applications/list-filters';
import { listQuerySearch, parseListQuery } from '~/applications/list-query';
import { ApplicationRows } from '~/applications/list-rows';
import { MoveNotice } from '~/applications/move-notice';
import { splitUndoRefusal } from '~/applications/undo-move';
import { namedMove, noticeWithoutMove } from '~/applications/moved.server';
import { listApplications } from '~/applications/queries.server';
import { requireUserClaim } from '~/auth/current-user.server';
import { FormErrors } from '~/components/forms/messages';
import { readForm } from '~/components/forms/form.server';
import { Notice, noticeFor } from '~/components/notice';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Applications · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const url = new URL(request.url);
  const query = parseListQuery(url.searchParams);
  const now = londonNow();
  const list = await listApplications(context, user, query, now, namedMove(request));
  return {
    now,
    query: { ...query, page: list.page },
    ...list,
    notice: noticeFor(request, ['deleted', 'imported', 'csv-imported', 'moved']),
    said: noticeWithoutMove(request),
  };
}

/**
 * The one-step status change from a row, or undoing the one just made; afterwards, back to the
 * same filtered page, which says what moved.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const formData = await readForm(request);
  // Rebuilt from the parsed query, never echoed, so the redirect can only stay on this list.
  const list = `/applications${listQuerySearch(parseListQuery(new URL(request.url).searchParams))}`;
  return moveOrUndo(context, user, formData, list);
}

export default function Applications() {
  const { now, query, rows, counts, total, matching, page, pages, notice, move, said } =
    useLoaderData<typeof loader>();
  const { undoRefused, errors } = splitUndoRefusal(useActionData<typeof action>());
  const search = listQuerySearch(query);
  // `index` makes the POST reach this index route; the search keeps the filters for the redirect.
  const statusAction = `/applications?index${search ? `&${search.slice(1)}` : ''}`;
  const filtered = Boolean(query.q || query.status);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Applications</h1>
        <div className="page-head__actions">
          <ViewSwitch current="list" />
          <Link to="/applications/new" className="button">
            Add application
          </Link>
        </div>
      </div>
      <Notice message={notice} />
      <MoveNotice
        move={move}
        notice={said}
        undoRefused={undoRefused}
        action={statusAction}
        close={`/applications${search}`}
      />
      <FormErrors errors={errors} />
      <ListFilters query={query} />
      {total > 0 || filtered ? (
        <StatusCountLinks query={query} counts={counts} total={total} />
      ) : null}
      {rows.length > 0 ? (
        <>
          <p className="muted list-summary">
            {matching === 1 ? '1 application' : `${matching} applications`}
            {filtered ? ' match' + (matching === 1 ? 'es' : '') : ''}
          </p>
          <ApplicationRows rows={rows} statusAction={statusAction} now={now} />
          <Pagination query={query} page={page} pages={pages} />
        </>
      ) : filtered ? (
        <div className="card empty-state">
          <p>No applications match these filters.</p>
          <p>
            <Link to="/applications">Clear the filters</Link>
          </p>
        </div>
      ) : (
        <div className="card empty-state">
          <p>You have not added any applications yet.</p>
          <p>
            <Link to="/applications/new">Add your first application</Link>
          </p>
        </div>
      )}
    </div>
  );
}
