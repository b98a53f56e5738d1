// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { CHECKS_READY } from '~/components/forms/form';
import { invalid } from '~/components/forms/form.server';
import { renderRoutes } from '../../support/render';

// A form's zod checks are not in the page's first load: they arrive when the form is first used
// (docs/decisions/030). These tests hold the kit to that, and to what happens meanwhile.

const schema = z.object({
  employer: z.string({ required_error: 'Enter the employer' }).max(80, 'Too long'),
});

function setUp(load: () => Promise<typeof schema>) {
  const action = vi.fn(async ({ request }: ActionFunctionArgs) => {
    const submission = parseWithZod(await request.formData(), { schema });
    return submission.status === 'success' ? null : invalid(submission);
  });
  function Page() {
    const [form, fields] = useSchemaForm(load, {
      constraint: constraintOf(schema),
      lastResult: useActionData<typeof action>(),
      id: 'employer-form',
    });
    return (
      <SchemaForm form={form}>
        <TextField meta={fields.employer} label="Employer" />
        <SubmitButton>Save</SubmitButton>
      </SchemaForm>
    );
  }
  const { unmount } = renderRoutes([{ path: '/', Component: Page, action }], '/');
  const input = screen.getByLabelText('Employer') as HTMLInputElement;
  const ready = () => document.getElementById('employer-form')!.hasAttribute(CHECKS_READY);
  return { action, input, ready, unmount };
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('a form’s checks in the browser', () => {
  it('are not loaded until the form is used, while its fields already draw the constraints', () => {
    const load = vi.fn(async () => schema);
    const { input, ready } = setUp(load);
    expect(input.required).toBe(true);
    // No maxlength: the browser would cut a longer paste without a word (see constraintOf).
    expect(input.hasAttribute('maxlength')).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(ready()).toBe(false);
  });

  it('load once, on the first focus in the form, and then stop an invalid submission', async () => {
    const load = vi.fn(async () => schema);
    const { action, input, ready } = setUp(load);
    fireEvent.focusIn(input);
    fireEvent.focusIn(input);
    await waitFor(() => expect(ready()).toBe(true));
    expect(load).toHaveBeenCalledTimes(1);
    save();
    await waitFor(() => expect(screen.getAllByText('Enter the employer')).toHaveLength(2));
    expect(action).not.toHaveBeenCalled();
  });

  it('leave a submission to the action while they have not arrived', async () => {
    const { action, ready } = setUp(() => new Promise(() => {}));
    save();
    await waitFor(() => expect(screen.getAllByText('Enter the employer')).toHaveLength(2));
    expect(action).toHaveBeenCalledTimes(1);
    expect(ready()).toBe(false);
  });

  it('are fetched again on the next use when a load fails (offline, say)', async () => {
    const load = vi
      .fn<() => Promise<typeof schema>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(schema);
    const { input, ready } = setUp(load);
    fireEvent.focusIn(input);
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((settle) => setTimeout(settle, 0));
    expect(ready()).toBe(false);
    fireEvent.input(input, { target: { value: 'NHS Leeds' } });
    await waitFor(() => expect(ready()).toBe(true));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keep a paste past the limit whole and say so beside the field, with or without the checks', async () => {
    const pasted = 'Leeds Teaching Hospitals NHS Trust '.repeat(3);
    for (const load of [async () => schema, () => new Promise<typeof schema>(() => {})]) {
      const { input, unmount } = setUp(load);
      // The browser would cut the paste at a maxlength; jsdom would not, so this is the guard.
      expect(input.hasAttribute('maxlength')).toBe(false);
      fireEvent.focusIn(input);
      fireEvent.input(input, { target: { value: pasted } });
      save();
      await waitFor(() =>
        expect(document.getElementById('employer-form-employer-error')?.textContent).toBe(
          'Too long',
        ),
      );
      expect((screen.getByLabelText('Employer') as HTMLInputElement).value).toBe(pasted);
      unmount();
    }
  });
});
