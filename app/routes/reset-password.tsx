import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { LINK_TOKEN, resetPasswordSchema } from '~/auth/auth-schemas';
import { PASSWORD_MIN } from '~/auth/field-limits';
import { authFor } from '~/auth/auth.server';
import { serverChecks } from '~/auth/common-passwords.server';
import { BrokenLink, SpentLink } from '~/auth/link-pages';
import { limited, RESET_INTERRUPTED, weakPasswordMessage } from '~/auth/replies.server';
import { SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, readForm } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · JobTrack' }];

const SPENT = 'This reset link has expired or has already been used. Please ask for a new one.';

// The link from the email opens this page (GET reads whether it still works, and changes
// nothing); the POST spends the token.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token');
  const constraint = constraintOf(resetPasswordSchema());
  if (!token || !LINK_TOKEN.test(token)) return { token: null, live: false, constraint };
  const state = await authFor(context).inspectEmailLink(request, { token, type: 'recovery' });
  return { token, live: state.live, constraint };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: resetPasswordSchema(serverChecks) });
  if (submission.status !== 'success') return invalid(submission);
  const result = await authFor(context).resetPassword(request, submission.value);
  if (!result.ok) {
    if (result.reason === 'spent') return invalid(submission, { formErrors: [SPENT] });
    if (result.reason === 'weak-password') {
      return invalid(submission, {
        fieldErrors: { password: [weakPasswordMessage(result.reasons)] },
      });
    }
    if (result.reason === 'interrupted') {
      return invalid(
        submission,
        { formErrors: [RESET_INTERRUPTED] },
        { status: 503, headers: { 'Retry-After': '30' } },
      );
    }
    return limited(submission, result);
  }
  // The account page: where a person who fears someone else got in sees the other ways in (their
  // devices, the calendar feed's address) as well as that the password is set.
  throw redirect(withNotice('/account', 'password-reset'), { headers: result.headers });
}

const loadSchema = () => import('~/auth/auth-schemas').then((m) => m.resetPasswordSchema());

export default function ResetPassword() {
  const { token, live, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    lastResult,
    defaultValue: token ? { token } : undefined,
  });
  if (!token) return <BrokenLink ask="recovery" />;
  if (!live || form.errors?.includes(SPENT)) return <SpentLink ask="recovery" />;
  return (
    <div className="page narrow">
      <h1>Choose a new password</h1>
      <div className="card">
        {/* A changed hidden token has no field of its own to show its error beside. */}
        <SchemaForm form={form} formErrors={form.errors ?? fields.token.errors}>
          <TextField
            meta={fields.password}
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. This signs you out everywhere else.`}
          />
          <input type="hidden" name={fields.token.name} value={token} />
          <SubmitButton>Set new password</SubmitButton>
        </SchemaForm>
      </div>
    </div>
  );
}
