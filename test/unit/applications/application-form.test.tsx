// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApplicationForm } from '~/applications/application-form';
import { ApplicationSchema } from '~/applications/application-schema';
import { invalid } from '~/components/forms/form.server';
import { renderRoutes } from '../../support/render';

// The action the add page really answers with, minus the database: the schema's errors, 400.
async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ApplicationSchema });
  return submission.status === 'success' ? null : invalid(submission);
}

function AddPage() {
  return <ApplicationForm lastResult={useActionData<typeof action>()} cancelTo="/applications" />;
}

const field = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save application' }));

/** A reply as the server sends it after a full-page (no-JavaScript) submission. */
function replyTo(values: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) formData.set(name, value);
  return parseWithZod(formData, { schema: ApplicationSchema }).reply();
}

describe('focus in the application form', () => {
  it('goes to the first field in error, in page order, when the browser checks the form', async () => {
    renderRoutes([{ path: '/applications/new', Component: AddPage, action }], '/applications/new');
    type('Company', 'Acme');
    type('Job advert URL', 'javascript:alert(1)');
    save();
    // Role (empty) comes before the address on the page, so it is focused first.
    await waitFor(() => expect(document.activeElement).toBe(field('Role')));
    type('Role', 'Clerk');
    save();
    await waitFor(() => expect(document.activeElement).toBe(field('Job advert URL')));
  });

  it('goes to the first field in error after the server refuses the form', async () => {
    // A check only the server can make (as sign-in's "wrong password"), on two fields.
    const refuse = async ({ request }: ActionFunctionArgs) => {
      const submission = parseWithZod(await request.formData(), { schema: ApplicationSchema });
      const fieldErrors = { source: ['Not a source we know'], salary: ['Not a salary we know'] };
      return invalid(submission, { fieldErrors });
    };
    renderRoutes(
      [{ path: '/applications/new', Component: AddPage, action: refuse }],
      '/applications/new',
    );
    type('Company', 'Acme');
    type('Role', 'Clerk');
    save();
    await waitFor(() => expect(screen.getByText('Not a source we know')).toBeTruthy());
    // Salary comes before Source on the page.
    expect(document.activeElement).toBe(field('Salary'));
    expect(field('Company').value).toBe('Acme');
  });

  it('is set on the first field in error when the page arrives with the errors (no JavaScript)', () => {
    const lastResult = replyTo({
      company: 'Acme',
      role: 'Clerk',
      closingDate: '2026-02-31',
      advertUrl: 'ftp://example.org',
    });
    renderRoutes(
      [{ path: '/', Component: () => <ApplicationForm lastResult={lastResult} cancelTo="/" /> }],
      '/',
    );
    expect(document.activeElement).toBe(field('Closing date'));
    expect(field('Closing date').getAttribute('aria-invalid')).toBe('true');
    expect(field('Job advert URL').getAttribute('aria-invalid')).toBe('true');
    expect(field('Company').value).toBe('Acme');
  });
});
