import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData, type ClientActionFunctionArgs } from '@remix-run/react';
import { ApplicationForm, formValues } from '~/applications/application-form';
import { guestApplications } from '~/guest/applications';
import constraints from '~/guest/form-constraints.json';
import { withHandling } from '~/guest/form-handling';
import { loadApplicationHandling } from '~/guest/handling';
import type { Constraints } from '~/components/forms';
import { GuestNotFound } from '~/guest/not-found';
import { guestDetail, guestEdit, guestIdFromHash } from '~/guest/paths';
import { detailOf } from '~/guest/detail';
import { selectedApplication, useSelectedApplication } from '~/guest/selected';
import { useOpenedVersion } from '~/components/forms/versions';
import type { ExportedApplication } from '~/portability/format';

export { links } from '~/applications/styles';

// The page's data once its clientLoader has run (meta also runs before, with none).
const isLoaded = (data: unknown): data is Awaited<ReturnType<typeof clientLoader>> => Boolean(data);

export const meta: MetaFunction = ({ data, location }) => {
  const found = isLoaded(data) ? selectedApplication(data.applications, location.hash) : null;
  return [
    {
      title: found
        ? `Edit ${found.role} at ${found.company} · Guest · JobTrack`
        : 'Edit application · Guest · JobTrack',
    },
  ];
};

// The id is in the fragment, which the loader's request does not carry (docs/decisions/025).
export async function clientLoader() {
  return { applications: await guestApplications(), constraint: constraints.application };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  // The page being submitted from is still the one in the address bar, fragment and all.
  const id = guestIdFromHash(window.location.hash);
  return withHandling(request, loadApplicationHandling, (handling) =>
    handling.saveGuestApplication(request, id),
  );
}

export default function GuestEditApplication() {
  const { applications, constraint } = useLoaderData<typeof clientLoader>();
  const found = useSelectedApplication(applications);
  if (!found) return <GuestNotFound />;
  return <EditForm key={found.id} found={found} constraint={constraint} />;
}

function EditForm({ found, constraint }: { found: ExportedApplication; constraint: Constraints }) {
  const lastResult = useActionData<typeof clientAction>();
  // Which version the typed values came from, so a save never undoes another tab's unseen change.
  const opened = useOpenedVersion(found.updatedAt, lastResult);
  const a = detailOf(found);
  return (
    <div className="page">
      <h1>{`Edit ${a.role} at ${a.company}`}</h1>
      <ApplicationForm
        constraint={constraint}
        defaultValue={formValues(a)}
        lastResult={lastResult}
        action={guestEdit(found.id)}
        cancelTo={guestDetail(found.id)}
        updatedAt={opened}
      />
    </div>
  );
}
