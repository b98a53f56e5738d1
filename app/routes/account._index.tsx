import { parseWithZod } from '@conform-to/zod/v4';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { changePasswordSchema, PASSWORD_MIN } from '~/auth/auth-schemas';
import { authFor } from '~/auth/auth.server';
import { serverChecks } from '~/auth/common-passwords.server';
import { requireUser } from '~/auth/current-user.server';
import { lockedOut } from '~/auth/replies.server';
import { SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { invalid, readForm } from '~/components/forms/form.server';
import { Notice, noticeFor, withNotice } from '~/components/notice';

export const meta: MetaFunction = () => [{ title: 'Your account · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { email: user.email, notice: noticeFor(request, ['password-changed']) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: changePasswordSchema(serverChecks) });
  if (submission.status !== 'success') return invalid(submission);

  const result = await authFor(context).changePassword(request, user, submission.value);
  if (result.ok)
    throw redirect(withNotice('/account', 'password-changed'), { headers: result.headers });
  if (result.reason === 'wrong-password') {
    return invalid(submission, {
      fieldErrors: { currentPassword: ['Your current password is wrong'] },
    });
  }
  return lockedOut(submission, result.retryAfterSeconds);
}

const clientSchema = changePasswordSchema();

export default function Account() {
  const { email, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(clientSchema, { lastResult });
  return (
    <div className="page narrow">
      <h1>Your account</h1>
      <Notice message={lastResult ? null : notice} />
      <section className="card" aria-labelledby="account-email">
        <h2 id="account-email">Email</h2>
        <p>{email}</p>
      </section>
      <section className="card" aria-labelledby="change-password">
        <h2 id="change-password">Change password</h2>
        <SchemaForm form={form}>
          <TextField
            meta={fields.currentPassword}
            label="Current password"
            type="password"
            autoComplete="current-password"
          />
          <TextField
            meta={fields.newPassword}
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out on every other device.`}
          />
          <SubmitButton>Change password</SubmitButton>
        </SchemaForm>
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
