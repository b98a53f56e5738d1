import { readForm } from '~/components/forms/form.server';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Form, Link, useActionData } from '@remix-run/react';
import { authFor } from '~/auth/auth.server';
import { serverChecks } from '~/auth/common-passwords.server';
import { invalid, isBot } from '~/auth/replies.server';
import { PASSWORD_MIN, signUpSchema } from '~/auth/auth-schemas';
import { CheckboxField, firstInvalid, SubmitButton, useAuthForm } from '~/auth/ui';
import { FormErrors, Honeypot, TextField } from '~/components/forms/fields';

export const meta: MetaFunction = () => [{ title: 'Create an account · JobTrack' }];

const CHECK_EMAIL = '/check-email?for=signup';

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await authFor(context).getUser(request)) throw redirect('/');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: signUpSchema(serverChecks) });
  if (submission.status !== 'success') return invalid(submission);
  // Bots get the same answer as people and nothing happens.
  if (!isBot(submission.value)) await authFor(context).signUp(request, submission.value);
  // The same answer whether or not the email already has an account.
  throw redirect(CHECK_EMAIL);
}

const clientSchema = signUpSchema();

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useAuthForm(clientSchema, lastResult);
  const focus = firstInvalid([fields.email, fields.password, fields.adult]);
  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            meta={fields.email}
            label="Email"
            type="email"
            autoComplete="email"
            autoFocus={focus === 'email'}
          />
          <TextField
            meta={fields.password}
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password.`}
            autoFocus={focus === 'password'}
          />
          <CheckboxField
            meta={fields.adult}
            label="I am 18 or over"
            autoFocus={focus === 'adult'}
          />
          <Honeypot />
          <SubmitButton>Create account</SubmitButton>
        </Form>
      </div>
      <p>
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
      <p className="muted">
        JobTrack is for people aged 18 and over. Read how we use your data in our{' '}
        <Link to="/privacy">privacy policy</Link>.
      </p>
    </div>
  );
}
