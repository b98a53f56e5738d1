import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Honeypot, SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import type { emailRequestLoader, requestEmailLink } from './email-request.server';

const loadSchema = () => import('./auth-schemas').then((m) => m.emailRequestSchema);

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
export function EmailRequestPage({ kind }: { kind: keyof typeof EMAIL_REQUEST_PAGES }) {
  // Both pages' loader and action are emailRequestLoader and requestEmailLink.
  const { constraint } = useLoaderData<typeof emailRequestLoader>();
  const lastResult = useActionData<typeof requestEmailLink>();
  const { title, intro, submitLabel } = EMAIL_REQUEST_PAGES[kind];
  const [form, fields] = useSchemaForm(loadSchema, { constraint, lastResult });
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
