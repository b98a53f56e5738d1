// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { renderRoutes } from '../../support/render';

// A refusal of the form as a whole ("Nothing was saved…") has no field to take focus: the summary
// takes it, so that a phone scrolls to it and a screen reader reads it.

const schema = z.object({
  employer: z.string({ required_error: 'Enter the employer' }),
  token: z.string().regex(/^ok$/, 'This link has expired'),
});

function setUp(answer: (employer: string) => string | null, focusOnFormError?: string) {
  async function action({ request }: ActionFunctionArgs) {
    const submission = parseWithZod(await request.formData(), { schema });
    if (submission.status !== 'success') return submission.reply();
    const refused = answer(submission.value.employer);
    return refused ? submission.reply({ formErrors: [refused] }) : null;
  }
  function Page() {
    const [form, fields] = useSchemaForm(() => new Promise<typeof schema>(() => {}), {
      constraint: constraintOf(schema),
      lastResult: useActionData<typeof action>(),
      id: 'employer-form',
    });
    return (
      <SchemaForm
        form={form}
        focusOnFormError={focusOnFormError}
        formErrors={[...(form.errors ?? []), ...(fields.token.errors ?? [])]}
      >
        <TextField meta={fields.employer} label="Employer" />
        <input type="hidden" name="token" id={fields.token.id} defaultValue={token} />
        <SubmitButton>Save</SubmitButton>
      </SchemaForm>
    );
  }
  renderRoutes([{ path: '/', Component: Page, action }], '/');
}

let token = 'ok';
beforeEach(() => {
  token = 'ok';
});

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const typeEmployer = (value: string) =>
  fireEvent.change(screen.getByLabelText('Employer'), { target: { value } });

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });

describe('a refused form', () => {
  it('moves focus to the summary when the form as a whole was refused', async () => {
    setUp(() => 'Nothing was saved: try again');
    typeEmployer('HMRC');
    save();
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(summary().textContent).toContain('Nothing was saved: try again');
    expect(screen.getByLabelText<HTMLInputElement>('Employer').value).toBe('HMRC');
  });

  it('moves focus to the summary again when the same refusal comes a second time', async () => {
    setUp(() => 'Nothing was saved: try again');
    typeEmployer('HMRC');
    save();
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    screen.getByRole('button', { name: 'Save' }).focus();
    save();
    await waitFor(() => expect(document.activeElement).toBe(summary()));
  });

  it('moves focus to the field named for a refusal of the whole form', async () => {
    setUp(() => 'Email or password is wrong', 'employer');
    typeEmployer('HMRC');
    save();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Employer')));
    expect(summary().textContent).toContain('Email or password is wrong');
  });

  it('moves focus to the summary when the field in error is hidden', async () => {
    token = 'spent';
    setUp(() => null);
    typeEmployer('HMRC');
    save();
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(summary().textContent).toContain('This link has expired');
  });

  it('leaves focus to the field in error when there is one, with a message for the whole form', async () => {
    setUp(() => null, 'employer');
    save();
    await waitFor(() => expect(summary().textContent).toContain('Enter the employer'));
    expect(document.activeElement).not.toBe(summary());
  });
});
