import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { deleteApplication } from '~/applications/mutations.server';
import { getApplication } from '~/applications/queries.server';
import { requireUserClaim } from '~/auth/current-user.server';
import { SubmitButton } from '~/components/forms/submit-button';
import { withNotice } from '~/components/notice';
import { notFound, requireUuid } from '~/http/not-found.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Delete ${data.role} at ${data.company}? · JobTrack`
      : 'Delete application · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const found = await getApplication(context, user, requireUuid(params.id));
  if (!found) throw notFound();
  const { id, role, company } = found.application;
  return { id, role, company };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserClaim(request, context);
  if (!(await deleteApplication(context, user, requireUuid(params.id)))) throw notFound();
  return redirect(withNotice('/applications', 'deleted'));
}

export default function DeleteApplication() {
  const { id, role, company } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <h1>
        Delete {role} at {company}?
      </h1>
      <div className="card confirm-card">
        <p>
          This removes the application, its notes and its status history for good. It cannot be
          undone. Statements you wrote for it stay in the Statement Builder.
        </p>
        <Form method="post">
          <SubmitButton
            className="button--danger"
            pendingText="Deleting…"
            after={
              <Link to={`/applications/${id}`} className="button button--secondary">
                Cancel
              </Link>
            }
          >
            Delete application
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}
