import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ApplicationForm } from '~/applications/application-form';
import { ApplicationSchema } from '~/applications/application-schema';
import { addFormKey, applicationIdFor } from '~/applications/one-time-key';
import { applicationHead } from '~/events/events.server';
import {
  requireUserClaimOrRefusedForm,
  requireUserOrRefusedForm,
} from '~/auth/current-user.server';
import { constraintOf } from '~/components/forms/constraint';
import type { saveApplication } from '~/applications/actions.server';

// The add and edit pages share one action.
export { saveApplication as action } from '~/applications/actions.server';

export { links } from '~/applications/styles';

export const meta: MetaFunction = () => [{ title: 'Add application · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const constraint = constraintOf(ApplicationSchema);
  // The form's one-time key becomes the new application's id: a retried or doubled POST of the
  // same form finds it already saved and creates nothing.
  const found = addFormKey(request);
  if ('redirectTo' in found || !found.fromAddress) {
    await requireUserOrRefusedForm(request, context);
    if ('redirectTo' in found) throw redirect(found.redirectTo);
    return { key: found.key, saved: null, constraint };
  }
  // A key from the address may have been saved already (Back after saving, a reload, a bookmark):
  // the page then says so, with the way to a new form. One round trip, the session's check with it.
  const user = await requireUserClaimOrRefusedForm(request, context);
  const saved = user
    ? await applicationHead(context, user, applicationIdFor(user.id, found.key))
    : null;
  return {
    key: found.key,
    saved: saved && { id: saved.id, company: saved.company, role: saved.role },
    constraint,
  };
}

export default function NewApplication() {
  const { key, saved, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof saveApplication>();
  // A key already saved with other details is answered with a fresh one: with JavaScript no
  // loader runs after that 409, so the loader's key would be sent (and refused) again and again.
  // Any other answer keeps the key the form was sent with.
  const answered =
    lastResult && 'key' in lastResult ? lastResult.key : lastResult?.initialValue?.key;
  return (
    <div className="page">
      <h1>Add application</h1>
      {saved && !lastResult ? (
        <p className="notice" role="status">
          This form was saved once already, as{' '}
          <Link to={`/applications/${saved.id}`}>
            {saved.role} at {saved.company}
          </Link>
          . To add another application, <Link to="/applications/new">start a new form</Link>.
        </p>
      ) : null}
      <ApplicationForm
        // A new showing of the form (start a new form) is a new form, not the last one's fields.
        key={key}
        constraint={constraint}
        lastResult={lastResult}
        cancelTo="/applications"
        analyticsEvent="application_created"
        oneTimeKey={typeof answered === 'string' ? answered : key}
      />
    </div>
  );
}
