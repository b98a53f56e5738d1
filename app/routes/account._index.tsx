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
import { serverChecks } from '~/auth/common-passwords.server';
import { invalid, minutesFrom } from '~/auth/replies.server';
import { changePasswordSchema, PASSWORD_MIN } from '~/auth/auth-schemas';
import { requireUser } from '~/auth/current-user.server';
import { firstInvalid, SubmitButton, useAuthForm } from '~/auth/ui';
import { Notice } from '~/components/notice';
import { FormErrors, TextField } from '~/components/forms/fields';

export const meta: MetaFunction = () => [{ title: 'Your account · JobTrack' }];

const NOTICES = {
  'password-changed':
    'Your password has been changed. You have been signed out on every other device.',
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { email: user.email, notice: new URL(request.url).searchParams.get('notice') };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: changePasswordSchema(serverChecks) });
  if (submission.status !== 'success') return invalid(submission);

  const result = await authFor(context).changePassword(request, user, submission.value);
  if (result.ok) throw redirect('/account?notice=password-changed', { headers: result.headers });
  if (result.reason === 'wrong-password') {
    return invalid(submission, {
      fieldErrors: { currentPassword: ['Your current password is wrong'] },
    });
  }
  const wait = minutesFrom(result.retryAfterSeconds);
  return invalid(
    submission,
    { formErrors: [`Too many wrong passwords. Please wait ${wait} and try again.`] },
    { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
  );
}

const clientSchema = changePasswordSchema();

export default function Account() {
  const { email, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useAuthForm(clientSchema, lastResult);
  const focus = firstInvalid([fields.currentPassword, fields.newPassword]);
  return (
    <div className="page narrow">
      <h1>Your account</h1>
      <Notice messages={NOTICES} notice={lastResult ? null : notice} />
      <section className="card" aria-labelledby="account-email">
        <h2 id="account-email">Email</h2>
        <p>{email}</p>
      </section>
      <section className="card" aria-labelledby="change-password">
        <h2 id="change-password">Change password</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            meta={fields.currentPassword}
            label="Current password"
            type="password"
            autoComplete="current-password"
            autoFocus={focus === 'currentPassword'}
          />
          <TextField
            meta={fields.newPassword}
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out on every other device.`}
            autoFocus={focus === 'newPassword'}
          />
          <SubmitButton>Change password</SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="delete-account">
        <h2 id="delete-account">Delete your account</h2>
        <p>This deletes your account and every application in it, at once and for good.</p>
        <p>
          <Link to="/account/delete" className="button button--danger">
            Delete account
          </Link>
        </p>
      </section>
    </div>
  );
}
