import type { MetaFunction } from '@remix-run/cloudflare';
import { Form, Link, redirect, useActionData, useLoaderData } from '@remix-run/react';
import { FormErrors } from '~/components/forms/messages';
import { SubmitButton } from '~/components/forms/submit-button';
import { guestApplications } from '~/guest/applications';
import { deleteGuestApplication } from '~/guest/changes';
import { GuestNotFound } from '~/guest/not-found';
import { GUEST_LIST, guestDelete, guestDetail, guestIdFromHash } from '~/guest/paths';
import { selectedApplication, useSelectedApplication } from '~/guest/selected';
import { GuestStorageError } from '~/guest/save';

export { links } from '~/applications/styles';

// The page's data once its clientLoader has run (meta also runs before, with none).
const isLoaded = (data: unknown): data is Awaited<ReturnType<typeof clientLoader>> => Boolean(data);

export const meta: MetaFunction = ({ data, location }) => {
  const found = isLoaded(data) ? selectedApplication(data.applications, location.hash) : null;
  return [
    {
      title: found
        ? `Delete ${found.role} at ${found.company}? · Guest · JobTrack`
        : 'Delete application · Guest · JobTrack',
    },
  ];
};

// The id is in the fragment, which the loader's request does not carry (docs/decisions/025).
export async function clientLoader() {
  return { applications: await guestApplications() };
}

export async function clientAction() {
  try {
    // The page being submitted from is still the one in the address bar, fragment and all.
    await deleteGuestApplication(guestIdFromHash(window.location.hash));
  } catch (error) {
    if (error instanceof GuestStorageError) return { message: error.message };
    throw error;
  }
  return redirect(GUEST_LIST);
}

export default function GuestDeleteApplication() {
  const { applications } = useLoaderData<typeof clientLoader>();
  const refused = useActionData<typeof clientAction>();
  const found = useSelectedApplication(applications);
  if (!found) return <GuestNotFound />;
  const { id, role, company } = found;
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
        <Form method="post" action={guestDelete(id)}>
          <SubmitButton
            className="button--danger"
            pendingText="Deleting…"
            after={
              <Link to={guestDetail(id)} className="button button--secondary">
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
