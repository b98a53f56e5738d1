import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { FormErrors, Honeypot, TextField } from '~/components/forms/fields';
import { emailRequestSchema } from './auth-schemas';
import { firstInvalid, SubmitButton, useAuthForm } from './ui';

/** The "enter your email and we will send a link" page shared by magic links and password resets. */
export function EmailRequestPage({
  title,
  intro,
  submitLabel,
  lastResult,
}: {
  title: string;
  intro: ReactNode;
  submitLabel: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useAuthForm(emailRequestSchema, lastResult);
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p>{intro}</p>
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
          <SubmitButton>{submitLabel}</SubmitButton>
        </Form>
      </div>
      <p>
        <Link to="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
