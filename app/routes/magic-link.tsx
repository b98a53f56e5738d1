import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { Form, Link, useActionData } from '@remix-run/react';
import { authFor } from '~/auth/auth.server';
import { invalid, isBot } from '~/auth/replies.server';
import { magicLinkSchema } from '~/auth/schemas';
import { firstInvalid, SubmitButton, useAuthForm } from '~/auth/ui';
import { FormErrors, Honeypot, TextField } from '~/components/forms';

export const meta: MetaFunction = () => [{ title: 'Email me a sign-in link · JobTrack' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: magicLinkSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (!isBot(submission.value)) await authFor(context).sendMagicLink(request, submission.value);
  // The same answer whether or not the email has an account.
  throw redirect('/check-email?for=magiclink');
}

export default function MagicLink() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useAuthForm(magicLinkSchema, lastResult);
  return (
    <div className="page narrow">
      <h1>Email me a sign-in link</h1>
      <p>We will email you a link that signs you in without your password. It works once.</p>
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            meta={fields.email}
            label="Email"
            type="email"
            autoComplete="email"
            autoFocus={firstInvalid([fields.email]) === 'email'}
          />
          <Honeypot />
          <SubmitButton>Send sign-in link</SubmitButton>
        </Form>
      </div>
      <p>
        <Link to="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
