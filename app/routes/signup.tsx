import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData } from '@remix-run/react';
import { PASSWORD_MIN, signUpSchema } from '~/auth/auth-schemas';
import { authFor } from '~/auth/auth.server';
import { getUser } from '~/auth/current-user.server';
import { serverChecks } from '~/auth/common-passwords.server';
import {
  CheckboxField,
  Honeypot,
  SchemaForm,
  SubmitButton,
  TextField,
  useSchemaForm,
} from '~/components/forms';
import { invalid, isBot, readForm } from '~/components/forms/form.server';
import { limited } from '~/auth/replies.server';

export const meta: MetaFunction = () => [{ title: 'Create an account · JobTrack' }];

const CHECK_EMAIL = '/check-email?for=signup';

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect('/');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: signUpSchema(serverChecks) });
  if (submission.status !== 'success') return invalid(submission);
  // Bots get the same answer as people and nothing happens.
  if (!isBot(submission.value)) {
    const result = await authFor(context).signUp(request, submission.value);
    if (!result.ok) return limited(submission, result);
  }
  // The same answer whether or not the email already has an account.
  throw redirect(CHECK_EMAIL);
}

const clientSchema = signUpSchema();

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(clientSchema, { lastResult });
  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <div className="card">
        <SchemaForm form={form}>
          <TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
          <TextField
            meta={fields.password}
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password.`}
          />
          <CheckboxField meta={fields.adult} label="I am 18 or over" />
          <Honeypot />
          <SubmitButton>Create account</SubmitButton>
        </SchemaForm>
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
