import { readForm } from '~/components/forms/form.server';
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { data, redirect } from '@remix-run/cloudflare';
import { parseWithZod } from '@conform-to/zod';
import { useActionData } from '@remix-run/react';
import { ApplicationForm } from '~/applications/application-form';
import styles from '~/applications/applications.css?url';
import { signedOutReply } from '~/applications/actions.server';
import { createApplication } from '~/applications/mutations.server';
import { ApplicationSchema } from '~/applications/application-schema';
import { getUser, requireUser } from '~/auth/current-user.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = () => [{ title: 'Add application · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const user = await getUser(request, context);
  if (!user) return data(signedOutReply(formData), { status: 401 });
  const submission = parseWithZod(formData, { schema: ApplicationSchema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const id = await createApplication(context, user.id, submission.value);
  return redirect(`/applications/${id}`);
}

export default function NewApplication() {
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Add application</h1>
      <ApplicationForm lastResult={lastResult} cancelTo="/applications" />
    </div>
  );
}
