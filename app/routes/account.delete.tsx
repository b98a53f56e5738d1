import { readForm } from '~/components/forms/form.server';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { authFor } from '~/auth/auth.server';
import { invalid, minutesFrom } from '~/auth/replies.server';
import { deleteAccountSchema } from '~/auth/auth-schemas';
import { requireUser } from '~/auth/current-user.server';
import { firstInvalid, SubmitButton, useAuthForm } from '~/auth/ui';
import { FormErrors, TextField } from '~/components/forms/fields';

export const meta: MetaFunction = () => [{ title: 'Delete your account · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { email: user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  if (submission.status !== 'success') return invalid(submission);

  const result = await authFor(context).deleteAccount(request, user, submission.value);
  if (result.ok) throw redirect('/?notice=account-deleted', { headers: result.headers });
  if (result.reason === 'wrong-password') {
    return invalid(submission, { fieldErrors: { password: ['Your password is wrong'] } });
  }
  const wait = minutesFrom(result.retryAfterSeconds);
  return invalid(
    submission,
    { formErrors: [`Too many wrong passwords. Please wait ${wait} and try again.`] },
    { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
  );
}

export default function DeleteAccount() {
  const { email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useAuthForm(deleteAccountSchema, lastResult);
  return (
    <div className="page narrow">
      <h1>Delete your account</h1>
      <div className="card">
        <p>
          This permanently deletes the account <strong>{email}</strong>, every application and all
          its history. It happens at once and cannot be undone.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            meta={fields.password}
            label="Password"
            type="password"
            autoComplete="current-password"
            hint="Type your password to confirm it is you."
            autoFocus={firstInvalid([fields.password]) === 'password'}
          />
          <SubmitButton className="button--danger" after={<Link to="/account">Cancel</Link>}>
            Delete my account permanently
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}
