import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { notFound, requireUuid } from '~/applications/actions.server';
import styles from '~/applications/applications.css?url';
import { deleteApplication } from '~/applications/mutations.server';
import { getApplication } from '~/applications/queries.server';
import { requireUser } from '~/auth/current-user.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Delete ${data.role} at ${data.company}? · JobTrack`
      : 'Delete application · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const found = await getApplication(context, user.id, requireUuid(params.id));
  if (!found) throw notFound();
  const { id, role, company } = found.application;
  return { id, role, company };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  if (!(await deleteApplication(context, user.id, requireUuid(params.id)))) throw notFound();
  return redirect('/applications?notice=deleted');
}

export default function DeleteApplication() {
  const { id, role, company } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const deleting = navigation.state === 'submitting';
  return (
    <div className="page narrow">
      <h1>
        Delete {role} at {company}?
      </h1>
      <div className="card confirm-card">
        <p>
          This removes the application, its notes and its status history for good. It cannot be
          undone.
        </p>
        <Form method="post" className="actions">
          <button type="submit" className="button--danger" aria-disabled={deleting || undefined}>
            Delete application
          </button>
          <Link to={`/applications/${id}`} className="button button--secondary">
            Cancel
          </Link>
          <span role="status" className="muted">
            {deleting ? 'Deleting…' : ''}
          </span>
        </Form>
      </div>
    </div>
  );
}
