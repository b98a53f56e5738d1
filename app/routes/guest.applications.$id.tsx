import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Link,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
  type ClientLoaderFunctionArgs,
} from '@remix-run/react';
import { londonNow } from '~/applications/dates';
import { ApplicationDetails, StatusChangeForm, StatusHistory } from '~/applications/detail';
import { StatusBadge } from '~/applications/status-badge';
import { changeGuestStatus, requireGuestApplication } from '~/guest/actions';
import { GUEST_LIST, GUEST_PATHS } from '~/guest/paths';
import { detailOf, historyOf } from '~/guest/records';

export { links } from '~/applications/styles';

// The page's data once its clientLoader has run (meta also runs before, with none).
const isLoaded = (data: unknown): data is ReturnType<typeof clientLoader> => Boolean(data);

export const meta: MetaFunction = ({ data }) => [
  {
    title: isLoaded(data)
      ? `${data.application.role} at ${data.application.company} · Guest · JobTrack`
      : 'Application · Guest · JobTrack',
  },
];

export function clientLoader({ params }: ClientLoaderFunctionArgs) {
  const found = requireGuestApplication(params.id);
  return {
    id: found.id,
    application: detailOf(found),
    history: historyOf(found),
    now: londonNow(),
  };
}

export async function clientAction({ request, params }: ClientActionFunctionArgs) {
  return (await changeGuestStatus(request, params.id)) ?? null;
}

export default function GuestApplication() {
  const { id, application: a, history, now } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="muted breadcrumb">
            <Link to={GUEST_LIST}>Back to list</Link>
          </p>
          <h1>
            {a.role} at {a.company}
          </h1>
        </div>
        <div className="actions">
          <StatusBadge status={a.status} />
          <Link to={`${GUEST_PATHS.detail(id)}/edit`} className="button button--secondary">
            Edit
          </Link>
          <Link to={`${GUEST_PATHS.detail(id)}/delete`} className="button button--secondary">
            Delete
          </Link>
        </div>
      </div>
      <div className="detail-grid">
        <ApplicationDetails application={a} now={now} />
        <div className="detail-side">
          <StatusChangeForm status={a.status} lastResult={lastResult ?? undefined} />
          <StatusHistory history={history} />
        </div>
      </div>
    </div>
  );
}
