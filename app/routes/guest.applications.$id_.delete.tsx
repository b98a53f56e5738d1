import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
  type ClientLoaderFunctionArgs,
} from '@remix-run/react';
import { FormErrors, SubmitButton } from '~/components/forms';
import { deleteGuestApplication, requireGuestApplication } from '~/guest/actions';
import { GUEST_LIST, GUEST_PATHS } from '~/guest/paths';
import { GuestStorageError } from '~/guest/storage';

export { links } from '~/applications/styles';

// The page's data once its clientLoader has run (meta also runs before, with none).
const isLoaded = (data: unknown): data is ReturnType<typeof clientLoader> => Boolean(data);

export const meta: MetaFunction = ({ data }) => [
  {
    title: isLoaded(data)
      ? `Delete ${data.role} at ${data.company}? · Guest · JobTrack`
      : 'Delete application · Guest · JobTrack',
  },
];

export function clientLoader({ params }: ClientLoaderFunctionArgs) {
  const { id, role, company } = requireGuestApplication(params.id);
  return { id, role, company };
}

export function clientAction({ params }: ClientActionFunctionArgs) {
  try {
    deleteGuestApplication(params.id ?? '');
  } catch (error) {
    if (error instanceof GuestStorageError) return { message: error.message };
    throw error;
  }
  return redirect(GUEST_LIST);
}

export default function GuestDeleteApplication() {
  const { id, role, company } = useLoaderData<typeof clientLoader>();
  const refused = useActionData<typeof clientAction>();
  return (
    <div className="page narrow">
      <h1>
        Delete {role} at {company}?
      </h1>
      <div className="card confirm-card">
        <FormErrors errors={refused ? [refused.message] : []} />
        <p>
          This removes the application, its notes and its status history from this browser for good.
          It cannot be undone.
        </p>
        <Form method="post">
          <SubmitButton
            className="button--danger"
            pendingText="Deleting…"
            after={
              <Link to={GUEST_PATHS.detail(id)} className="button button--secondary">
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
