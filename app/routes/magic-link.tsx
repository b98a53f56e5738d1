import { readForm } from '~/components/forms/form.server';
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { authFor } from '~/auth/auth.server';
import { invalid, isBot } from '~/auth/replies.server';
import { magicLinkSchema } from '~/auth/auth-schemas';
import { EmailRequestPage } from '~/auth/email-request-form';

export const meta: MetaFunction = () => [{ title: 'Email me a sign-in link · JobTrack' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: magicLinkSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (!isBot(submission.value)) await authFor(context).sendMagicLink(request, submission.value);
  // The same answer whether or not the email has an account.
  throw redirect('/check-email?for=magiclink');
}

export default function MagicLink() {
  return (
    <EmailRequestPage
      title="Email me a sign-in link"
      intro="We will email you a link that signs you in without your password. It works once."
      submitLabel="Send sign-in link"
      lastResult={useActionData<typeof action>()}
    />
  );
}
