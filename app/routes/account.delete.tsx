import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { deleteAccountSchema } from '~/auth/auth-schemas';
import { authFor } from '~/auth/auth.server';
import { requireUser } from '~/auth/current-user.server';
import { limited } from '~/auth/replies.server';
import { SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, readForm } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';

export const meta: MetaFunction = () => [{ title: 'Delete your account · JobTrack' }];

const loadSchema = () => import('~/auth/auth-schemas').then((m) => m.deleteAccountSchema);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return {
    email: user.email,
    hasPassword: await authFor(context).hasPassword(user),
    constraint: constraintOf(deleteAccountSchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  if (submission.status !== 'success') return invalid(submission);

  const result = await authFor(context).deleteAccount(request, user, submission.value);
  if (result.ok) throw redirect(withNotice('/', 'account-deleted'), { headers: result.headers });
  if (result.reason === 'wrong-password') {
    return invalid(submission, { fieldErrors: { password: ['Your password is wrong'] } });
  }
  return limited(submission, result);
}

export default function DeleteAccount() {
  const { email, hasPassword, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadSchema, { constraint, lastResult });
  if (!hasPassword) {
    // The password is what shows it is really the owner at this screen; an account claimed by
    // email link chooses one first.
    return (
      <div className="page narrow">
        <h1>Delete your account</h1>
        <div className="card">
          <p>
            Deleting an account asks for its password, to be sure it is you. This account has no
            password yet.
          </p>
          <p>
            <Link to="/account" className="button">
              Choose a password first
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Delete your account</h1>
      <div className="card">
        <p>
          This permanently deletes the account <strong>{email}</strong> and everything in it: every
          application with its history, interviews and dates, every statement and cover letter with
          all its versions, and your settings. It happens at once and cannot be undone.
        </p>
        <SchemaForm form={form}>
          <TextField
            meta={fields.password}
            label="Password"
            type="password"
            autoComplete="current-password"
            hint="Type your password to confirm it is you."
          />
          <SubmitButton className="button--danger" after={<Link to="/account">Cancel</Link>}>
            Delete my account permanently
          </SubmitButton>
        </SchemaForm>
      </div>
    </div>
  );
}
