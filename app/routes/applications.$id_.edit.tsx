import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { saveApplication } from '~/applications/actions.server';
import { ApplicationForm, formValues } from '~/applications/application-form';
import { getApplication } from '~/applications/queries.server';
import { requireUser } from '~/auth/current-user.server';
import { notFound, requireUuid } from '~/http/not-found.server';

// The add and edit pages share one action.
export { saveApplication as action } from '~/applications/actions.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Edit ${data.application.role} at ${data.application.company} · JobTrack`
      : 'Edit application · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const found = await getApplication(context, user.id, requireUuid(params.id));
  if (!found) throw notFound();
  return { application: found.application };
}

export default function EditApplication() {
  const { application: a } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveApplication>();
  return (
    <div className="page">
      <h1>
        Edit {a.role} at {a.company}
      </h1>
      <ApplicationForm
        key={a.id}
        defaultValue={formValues(a)}
        lastResult={lastResult}
        cancelTo={`/applications/${a.id}`}
      />
    </div>
  );
}
