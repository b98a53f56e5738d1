import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { useMemo } from 'react';
import { londonNow } from '~/applications/dates';
import { ListFilters, Pagination, StatusCountLinks, ViewSwitch } from '~/applications/list-filters';
import { ApplicationRows } from '~/applications/list-rows';
import { MoveNotice } from '~/applications/move-notice';
import { FormErrors } from '~/components/forms/messages';
import { guestApplications } from '~/guest/applications';
import { moveOrUndo } from '~/guest/status-change';
import { useGuestMoveSaid } from '~/guest/last-move';
import { GUEST_LIST, GUEST_PATHS, guestListQuery } from '~/guest/paths';
import { guestList } from '~/guest/views';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Applications · Guest · JobTrack' }];

export async function clientLoader() {
  return { now: londonNow(), applications: await guestApplications() };
}

/** The one-step status change from a row, or undoing it; the page then says what happened. */
export async function clientAction({ request }: ClientActionFunctionArgs) {
  return moveOrUndo(request, GUEST_LIST);
}

export default function GuestApplications() {
  const { now, applications } = useLoaderData<typeof clientLoader>();
  const said = useGuestMoveSaid(applications, useActionData<typeof clientAction>());
  const { hash } = useLocation();
  const requested = useMemo(() => guestListQuery(hash), [hash]);
  const { rows, counts, total, matching, page, pages } = useMemo(
    () => guestList(applications, requested, now),
    [applications, requested, now],
  );
  const query = { ...requested, page };
  const filtered = Boolean(query.q || query.status);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Applications</h1>
        <div className="page-head__actions">
          <ViewSwitch current="list" />
          <Link to={GUEST_PATHS.newApplication} className="button">
            Add application
          </Link>
        </div>
      </div>
      <MoveNotice
        move={said.move}
        notice={said.notice}
        undoRefused={said.undoRefused}
        action={`${GUEST_LIST}?index`}
        close={`${GUEST_LIST}${said.close}`}
      />
      <FormErrors errors={said.errors} />
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
          <ApplicationRows rows={rows} statusAction={`${GUEST_LIST}?index`} now={now} />
          <Pagination query={query} page={page} pages={pages} />
        </>
      ) : filtered ? (
        <div className="card empty-state">
          <p>No applications match these filters.</p>
          <p>
            <Link to={GUEST_LIST}>Clear the filters</Link>
          </p>
        </div>
      ) : (
        <div className="card empty-state">
          <p>You have not added any applications yet.</p>
          <p>
            <Link to={GUEST_PATHS.newApplication}>Add your first application</Link>
          </p>
        </div>
      )}
    </div>
  );
}
