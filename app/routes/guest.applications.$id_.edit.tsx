import type { MetaFunction } from '@remix-run/cloudflare';
import {
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
  type ClientLoaderFunctionArgs,
} from '@remix-run/react';
import { ApplicationForm, formValues } from '~/applications/application-form';
import { requireGuestApplication, saveGuestApplication } from '~/guest/actions';
import { GUEST_PATHS } from '~/guest/paths';
import { detailOf } from '~/guest/records';

export { links } from '~/applications/styles';

// The page's data once its clientLoader has run (meta also runs before, with none).
const isLoaded = (data: unknown): data is ReturnType<typeof clientLoader> => Boolean(data);

export const meta: MetaFunction = ({ data }) => [
  {
    title: isLoaded(data)
      ? `Edit ${data.application.role} at ${data.application.company} · Guest · JobTrack`
      : 'Edit application · Guest · JobTrack',
  },
];

export function clientLoader({ params }: ClientLoaderFunctionArgs) {
  const found = requireGuestApplication(params.id);
  return { id: found.id, application: detailOf(found) };
}

export function clientAction({ request, params }: ClientActionFunctionArgs) {
  return saveGuestApplication(request, params.id ?? '');
}

export default function GuestEditApplication() {
  const { id, application: a } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
  return (
    <div className="page">
      <h1>{`Edit ${a.role} at ${a.company}`}</h1>
      <ApplicationForm
        key={id}
        defaultValue={formValues(a)}
        lastResult={lastResult}
        cancelTo={GUEST_PATHS.detail(id)}
      />
    </div>
  );
}
