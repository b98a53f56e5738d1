import { readForm } from '~/components/forms/form.server';
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { authFor } from '~/auth/auth.server';
import { invalid, isBot } from '~/auth/replies.server';
import { forgotPasswordSchema } from '~/auth/auth-schemas';
import { EmailRequestPage } from '~/auth/email-request-form';

export const meta: MetaFunction = () => [{ title: 'Forgot your password? · JobTrack' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (!isBot(submission.value)) await authFor(context).sendPasswordReset(request, submission.value);
  // The same answer whether or not the email has an account.
  throw redirect('/check-email?for=recovery');
}

export default function ForgotPassword() {
  return (
    <EmailRequestPage
      title="Forgot your password?"
      intro="Enter your email and we will send you a link to choose a new password."
      submitLabel="Send reset link"
      lastResult={useActionData<typeof action>()}
    />
  );
}
