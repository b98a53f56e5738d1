import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { saveApplication } from '~/applications/actions.server';
import { ApplicationForm, formValues } from '~/applications/application-form';
import { ApplicationSchema } from '~/applications/application-schema';
import { getApplication } from '~/applications/queries.server';
import { requireUserClaimOrRefusedForm } from '~/auth/current-user.server';
import { constraintOf } from '~/components/forms/constraint';
import { useOpenedVersion } from '~/components/forms/versions';
import { notFound, requireUuid } from '~/http/not-found.server';

// The add and edit pages share one action.
export { saveApplication as action } from '~/applications/actions.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.application
      ? `Edit ${data.application.role} at ${data.application.company} · JobTrack`
      : 'Edit application · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  const user = await requireUserClaimOrRefusedForm(request, context);
  // Signed out as the save arrived: the form comes back from what was sent, not from the database.
  const constraint = constraintOf(ApplicationSchema);
  if (!user) return { id, application: null, constraint };
  const found = await getApplication(context, user, id);
  if (!found) throw notFound();
  return { id, application: found.application, constraint };
}

export default function EditApplication() {
  const { id, application: a, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveApplication>();
  // The version the form opened, so a save cannot undo another tab's or device's (versions.ts).
  const opened = useOpenedVersion(a?.updatedAt ?? '', lastResult);
  return (
    <div className="page">
      <h1>{a ? `Edit ${a.role} at ${a.company}` : 'Edit application'}</h1>
      <ApplicationForm
        key={id}
        constraint={constraint}
        defaultValue={a ? formValues(a) : undefined}
        lastResult={lastResult}
        cancelTo={`/applications/${id}`}
        updatedAt={opened || undefined}
      />
    </div>
  );
}
