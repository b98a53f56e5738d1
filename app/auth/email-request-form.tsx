import { Link } from '@remix-run/react';
import {
  Honeypot,
  SchemaForm,
  SubmitButton,
  TextField,
  useSchemaForm,
  type FormReply,
} from '~/components/forms';
import { emailRequestSchema } from './auth-schemas';

/** The words on each "email me a link" page. */
export const EMAIL_REQUEST_PAGES = {
  magiclink: {
    title: 'Email me a sign-in link',
    intro: 'We will email you a link that signs you in without your password. It works once.',
    submitLabel: 'Send sign-in link',
  },
  recovery: {
    title: 'Forgot your password?',
    intro: 'Enter your email and we will send you a link to choose a new password.',
    submitLabel: 'Send reset link',
  },
} as const;

/** The "enter your email and we will send a link" page shared by magic links and password resets. */
export function EmailRequestPage({
  kind,
  lastResult,
}: {
  kind: keyof typeof EMAIL_REQUEST_PAGES;
  lastResult: FormReply | undefined;
}) {
  const { title, intro, submitLabel } = EMAIL_REQUEST_PAGES[kind];
  const [form, fields] = useSchemaForm(emailRequestSchema, { lastResult });
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p>{intro}</p>
      <div className="card">
        <SchemaForm form={form}>
          <TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
          <Honeypot />
          <SubmitButton>{submitLabel}</SubmitButton>
        </SchemaForm>
      </div>
      <p>
        <Link to="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
