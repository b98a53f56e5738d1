import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ApplicationForm } from '~/applications/application-form';
import { ApplicationSchema } from '~/applications/application-schema';
import { addFormKey } from '~/applications/one-time-key';
import { requireUserOrRefusedForm } from '~/auth/current-user.server';
import { constraintOf } from '~/components/forms/constraint';
import type { saveApplication } from '~/applications/actions.server';

// The add and edit pages share one action.
export { saveApplication as action } from '~/applications/actions.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Add application · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUserOrRefusedForm(request, context);
  // The form's one-time key becomes the new application's id: a retried or doubled POST of the
  // same form finds it already saved and creates nothing.
  const key = addFormKey(request);
  if (typeof key !== 'string') throw redirect(key.redirectTo);
  return { key, constraint: constraintOf(ApplicationSchema) };
}

export default function NewApplication() {
  const { key, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveApplication>();
  // A key already saved with other details is answered with a fresh one: with JavaScript no
  // loader runs after that 409, so the loader's key would be sent (and refused) again and again.
  const freshKey =
    lastResult && 'key' in lastResult && typeof lastResult.key === 'string'
      ? lastResult.key
      : undefined;
  return (
    <div className="page">
      <h1>Add application</h1>
      <ApplicationForm
        constraint={constraint}
        lastResult={lastResult}
        cancelTo="/applications"
        analyticsEvent="application_created"
        oneTimeKey={freshKey ?? key}
      />
    </div>
  );
}
