import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { signInSchema } from '~/auth/auth-schemas';
import { authFor } from '~/auth/auth.server';
import { getUser } from '~/auth/current-user.server';
import { GoogleButton, offersGoogle } from '~/auth/google-button';
import { limited } from '~/auth/replies.server';
import { Notice, noticeFor } from '~/components/notice';
import { Honeypot, SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, isBot, readForm } from '~/components/forms/form.server';
import { safeRedirect } from '~/http/safe-redirect';

export const meta: MetaFunction = () => [{ title: 'Sign in · JobTrack' }];

const loadSchema = () => import('~/auth/auth-schemas').then((m) => m.signInSchema);

/** One message whether the email is unknown or the password wrong, so neither is revealed. */
const WRONG = 'Email or password is wrong.';
const UNCONFIRMED =
  'Please confirm your email address before signing in. We have emailed you a new confirmation link.';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/');
  if (await getUser(request, context)) throw redirect(redirectTo);
  const notice = noticeFor(request, ['google-cancelled', 'google-failed']);
  return {
    redirectTo,
    google: offersGoogle(context.config),
    notice,
    constraint: constraintOf(signInSchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (isBot(submission.value)) return invalid(submission, { formErrors: [WRONG] });

  const result = await authFor(context).signIn(request, submission.value);
  if (result.ok) {
    throw redirect(safeRedirect(submission.value.redirectTo, '/'), { headers: result.headers });
  }
  switch (result.reason) {
    case 'invalid':
      return invalid(submission, { formErrors: [WRONG] });
    case 'unconfirmed':
      return invalid(submission, { formErrors: [UNCONFIRMED] });
    case 'locked':
    case 'busy':
    case 'unavailable':
      return limited(
        submission,
        result,
        (wait) =>
          `Too many wrong passwords for this email. Please wait ${wait} and try again, or use “Email me a sign-in link”.`,
      );
  }
}

export default function SignIn() {
  const { redirectTo, google, notice, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    lastResult,
    defaultValue: { redirectTo },
  });
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <Notice message={notice} />
      <div className="card">
        {/* After a wrong password, the cursor goes back to the password field. */}
        <SchemaForm form={form} focusOnFormError="password">
          <TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
          <TextField
            meta={fields.password}
            label="Password"
            type="password"
            autoComplete="current-password"
          />
          <input
            type="hidden"
            name={fields.redirectTo.name}
            value={fields.redirectTo.initialValue ?? redirectTo}
          />
          <Honeypot />
          <SubmitButton>Sign in</SubmitButton>
        </SchemaForm>
        {google ? <GoogleButton redirectTo={redirectTo} /> : null}
      </div>
      <ul>
        <li>
          <Link to="/magic-link">Email me a sign-in link</Link>
        </li>
        <li>
          <Link to="/forgot-password">Forgot your password?</Link>
        </li>
        <li>
          New to JobTrack? <Link to="/signup">Create an account</Link>
        </li>
      </ul>
    </div>
  );
}
