import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData, type ClientActionFunctionArgs } from '@remix-run/react';
import { ApplicationForm } from '~/applications/application-form';
import { ApplicationSchema } from '~/applications/application-schema';
import { constraintOf } from '~/components/forms/constraint';
import { saveGuestApplication } from '~/guest/actions';
import { GUEST_LIST } from '~/guest/paths';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Add application · Guest · JobTrack' }];

export function clientLoader() {
  return { constraint: constraintOf(ApplicationSchema) };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  return saveGuestApplication(request, null);
}

export default function GuestNewApplication() {
  const { constraint } = useLoaderData<typeof clientLoader>();
  const lastResult = useActionData<typeof clientAction>();
  return (
    <div className="page">
      <h1>Add application</h1>
      <ApplicationForm constraint={constraint} lastResult={lastResult} cancelTo={GUEST_LIST} />
    </div>
  );
}
