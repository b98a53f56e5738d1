import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, useLoaderData, type ClientActionFunctionArgs } from '@remix-run/react';
import { ApplicationForm } from '~/applications/application-form';
import constraints from '~/guest/form-constraints.json';
import { withHandling } from '~/guest/form-handling';
import { loadApplicationHandling } from '~/guest/handling';
import { GUEST_LIST } from '~/guest/paths';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Add application · Guest · JobTrack' }];

export function clientLoader() {
  return { constraint: constraints.application };
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  return withHandling(request, loadApplicationHandling, (handling) =>
    handling.saveGuestApplication(request, null),
  );
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
