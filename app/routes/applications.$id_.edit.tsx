import { readForm } from '~/components/forms/form.server';
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { data, redirect } from '@remix-run/cloudflare';
import { parseWithZod } from '@conform-to/zod';
import { useActionData, useLoaderData } from '@remix-run/react';
import { notFound, requireUuid, signedOutReply } from '~/applications/actions.server';
import { ApplicationForm } from '~/applications/application-form';
import styles from '~/applications/applications.css?url';
import { updateApplication } from '~/applications/mutations.server';
import { getApplication } from '~/applications/queries.server';
import { ApplicationSchema } from '~/applications/application-schema';
import { getUser, requireUser } from '~/auth/current-user.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = requireUuid(params.id);
  const formData = await readForm(request);
  const user = await getUser(request, context);
  if (!user) return data(signedOutReply(formData), { status: 401 });
  const submission = parseWithZod(formData, { schema: ApplicationSchema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  if (!(await updateApplication(context, user.id, id, submission.value))) throw notFound();
  return redirect(`/applications/${id}`);
}

export default function EditApplication() {
  const { application: a } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>
        Edit {a.role} at {a.company}
      </h1>
      <ApplicationForm
        key={a.id}
        defaultValue={a}
        lastResult={lastResult}
        cancelTo={`/applications/${a.id}`}
      />
    </div>
  );
}
