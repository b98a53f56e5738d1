import type { MetaFunction } from '@remix-run/cloudflare';
import { useActionData, type ClientActionFunctionArgs } from '@remix-run/react';
import { ApplicationForm } from '~/applications/application-form';
import { saveGuestApplication } from '~/guest/actions';
import { GUEST_LIST } from '~/guest/paths';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Add application · Guest · JobTrack' }];

export function clientLoader() {
  return null;
}

export function clientAction({ request }: ClientActionFunctionArgs) {
  return saveGuestApplication(request, null);
}

export default function GuestNewApplication() {
  const lastResult = useActionData<typeof clientAction>();
  return (
    <div className="page">
      <h1>Add application</h1>
      <ApplicationForm lastResult={lastResult} cancelTo={GUEST_LIST} />
    </div>
  );
}
