import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { addFormKey } from '~/applications/one-time-key';
import {
  requireUserClaimOrRefusedForm,
  requireUserOrRefusedForm,
} from '~/auth/current-user.server';
import type { saveEvent } from '~/events/actions.server';
import { EventForm } from '~/events/event-form';
import { applicationHead, newEventPage } from '~/events/events.server';
import { KIND_LABELS } from '~/events/kinds';
import { toLondon } from '~/events/london-time';
import { formatDate } from '~/applications/dates';
import { notFound, requireUuid } from '~/http/not-found.server';
import { constraintOf } from '~/components/forms/constraint';
import { EventSchema } from '~/events/event-schema';
import { EventPageHeading } from '~/events/page-heading';

export { saveEvent as action } from '~/events/actions.server';
export { links } from '~/applications/styles';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.application
      ? `Add a date to ${data.application.role} at ${data.application.company} · JobTrack`
      : 'Add an interview or date · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  const constraint = constraintOf(EventSchema);
  // The form's one-time key, kept in the page's address (as the add application form's is), so
  // that Back to it after saving and Save again, without JavaScript, adds nothing.
  const found = addFormKey(request);
  if ('redirectTo' in found) {
    await requireUserOrRefusedForm(request, context);
    throw redirect(found.redirectTo);
  }
  const user = await requireUserClaimOrRefusedForm(request, context);
  // Signed out as the form arrived: it comes back from what was sent, not from the database.
  if (!user) return { id, createKey: found.key, application: null, saved: null, constraint };
  // Only a key from the address can have saved a date already; a fresh one needs no lookup.
  const page = found.fromAddress
    ? await newEventPage(context, user, id, found.key)
    : { application: await applicationHead(context, user, id), saved: null };
  if (!page.application) throw notFound();
  return {
    id,
    createKey: found.key,
    application: page.application,
    saved: page.saved,
    constraint,
  };
}

export default function NewEvent() {
  const { id, createKey, application: a, saved, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof saveEvent>();
  // The shared action refuses a delete only on an event's own page.
  const lastResult = result && 'deleteRefused' in result ? null : result;
  // A key already saved with other details is answered with a fresh one; any other answer keeps
  // the key the form was sent with.
  const answered =
    lastResult && 'createKey' in lastResult
      ? lastResult.createKey
      : lastResult?.initialValue?.createKey;
  return (
    <div className="page narrow">
      <EventPageHeading
        back={`/applications/${id}`}
        title="Add an interview or date"
        application={a}
      />
      {saved && !lastResult ? (
        <p className="notice" role="status">
          This form was saved once already:{' '}
          <Link to={`/applications/${saved.applicationId}#events`}>
            {KIND_LABELS[saved.kind]}, {formatDate(toLondon(saved.startsAt).date)} at{' '}
            {toLondon(saved.startsAt).time}
          </Link>
          . To add another date, <Link to={`/applications/${id}/events/new`}>start a new form</Link>
          .
        </p>
      ) : null}
      <EventForm
        // A new showing of the form (start a new form) is a new form, not the last one's fields.
        key={createKey}
        constraint={constraint}
        createKey={typeof answered === 'string' ? answered : createKey}
        lastResult={lastResult}
        cancelTo={`/applications/${id}#events`}
        submitLabel="Add"
        movableFrom={a?.status}
      />
    </div>
  );
}
