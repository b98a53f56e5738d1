// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { track } from '~/analytics/posthog.client';
import { ApplicationForm } from '~/applications/application-form';
import { ApplicationSchema } from '~/applications/application-schema';
import { constraintOf } from '~/components/forms/constraint';
import { CHECKS_READY } from '~/components/forms/form';
import { invalid } from '~/components/forms/form.server';
import { renderRoutes } from '../../support/render';

vi.mock('~/analytics/posthog.client', () => ({ track: vi.fn() }));

// The action the add page really answers with, minus the database: the schema's errors, 400.
async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ApplicationSchema });
  return submission.status === 'success' ? null : invalid(submission);
}

const constraint = constraintOf(ApplicationSchema);

function AddPage() {
  return (
    <ApplicationForm
      constraint={constraint}
      lastResult={useActionData<typeof action>()}
      cancelTo="/applications"
    />
  );
}

/** Typing loads the form's checks; the browser checks a submission once they are here. */
const checksLoaded = () =>
  waitFor(() =>
    expect(document.getElementById('application')?.hasAttribute(CHECKS_READY)).toBe(true),
  );

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
    await checksLoaded();
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
      const fieldErrors = {
        salaryNote: ['Not a salary we know'],
        reference: ['Not a reference we know'],
      };
      return invalid(submission, { fieldErrors });
    };
    renderRoutes(
      [{ path: '/applications/new', Component: AddPage, action: refuse }],
      '/applications/new',
    );
    type('Company', 'Acme');
    type('Role', 'Clerk');
    save();
    await waitFor(() => expect(screen.getAllByText('Not a reference we know')).toHaveLength(2));
    // The reference comes before the salary on the page.
    expect(document.activeElement).toBe(field('Reference number'));
    expect(field('Company').value).toBe('Acme');
  });

  it('is set on the first field in error when the page arrives with the errors (no JavaScript)', () => {
    const lastResult = replyTo({
      company: 'Acme',
      role: 'Clerk',
      'closingDate.day': '31',
      'closingDate.month': '2',
      'closingDate.year': '2026',
      advertUrl: 'ftp://example.org',
    });
    renderRoutes(
      [
        {
          path: '/',
          Component: () => (
            <ApplicationForm constraint={constraint} lastResult={lastResult} cancelTo="/" />
          ),
        },
      ],
      '/',
    );
    const closing = within(screen.getByRole('group', { name: 'Closing date' }));
    const day = closing.getByLabelText('Day') as HTMLInputElement;
    expect(document.activeElement).toBe(day);
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(closing.getByLabelText('Month').getAttribute('aria-invalid')).toBeNull();
    // Every box keeps what was typed, 31 February included.
    expect([day.value, (closing.getByLabelText('Month') as HTMLInputElement).value]).toEqual([
      '31',
      '2',
    ]);
    expect(closing.getByText('Closing date must be a real date')).toBeTruthy();
    expect(field('Job advert URL').getAttribute('aria-invalid')).toBe('true');
    expect(field('Company').value).toBe('Acme');
  });
});

describe('a date in the application form', () => {
  it('says the date applied is the day it was sent, left empty for a Saved advert', () => {
    renderRoutes([{ path: '/applications/new', Component: AddPage, action }], '/applications/new');
    const group = screen.getByRole('group', { name: 'Date applied' });
    const described = group
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain(
      'The day you sent it (left empty, an Applied one is dated today); empty for a Saved advert.',
    );
  });

  it('shows an impossible date’s message when the browser checks the form', async () => {
    renderRoutes([{ path: '/applications/new', Component: AddPage, action }], '/applications/new');
    type('Company', 'Acme');
    type('Role', 'Clerk');
    const closing = within(screen.getByRole('group', { name: 'Closing date' }));
    for (const [box, value] of [
      ['Day', '31'],
      ['Month', '2'],
      ['Year', '2027'],
    ] as const) {
      fireEvent.change(closing.getByLabelText(box), { target: { value } });
    }
    await checksLoaded();
    save();
    await waitFor(() => expect(closing.getByText('Closing date must be a real date')).toBeTruthy());
    expect(screen.getByText('There is a problem')).toBeTruthy();
    expect(document.activeElement).toBe(closing.getByLabelText('Day'));
  });
});

describe("the form's error summary", () => {
  it('lists every problem at the top, each a link to its field (a date to its first wrong box)', () => {
    const lastResult = replyTo({
      company: '',
      role: 'Clerk',
      'closingDate.day': '12',
      'closingDate.month': '',
      'closingDate.year': '',
      salaryMin: 'lots',
    });
    renderRoutes(
      [
        {
          path: '/',
          Component: () => (
            <ApplicationForm constraint={constraint} lastResult={lastResult} cancelTo="/" />
          ),
        },
      ],
      '/',
    );
    const summary = within(screen.getByRole('alert'));
    expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = summary.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Enter the company name', '#application-company'],
      ['Closing date must include a month and year', '#application-closingDate.month'],
      [
        'Enter salary from in whole pounds a year, for example 32,000 (an hourly rate goes in the salary note)',
        '#application-salaryMin',
      ],
    ]);
    for (const [, href] of links) expect(document.getElementById(href!.slice(1))).not.toBeNull();
  });

  it('is not there when nothing is wrong', () => {
    renderRoutes(
      [{ path: '/', Component: () => <ApplicationForm constraint={constraint} cancelTo="/" /> }],
      '/',
    );
    expect(screen.queryByText('There is a problem')).toBeNull();
  });
});

describe('counting an added application', () => {
  function CountedAddPage() {
    return (
      <ApplicationForm
        constraint={constraint}
        lastResult={useActionData<typeof action>()}
        cancelTo="/applications"
        analyticsEvent="application_created"
      />
    );
  }

  it('counts a Save the browser found valid, not one sent before the form’s checks arrived', async () => {
    vi.mocked(track).mockClear();
    renderRoutes(
      [{ path: '/applications/new', Component: CountedAddPage, action }],
      '/applications/new',
    );
    // Pressed at once: the action refuses it (no company, no role), and nothing is counted.
    save();
    await waitFor(() => expect(screen.getAllByText('Enter the company name')).toHaveLength(2));
    expect(track).not.toHaveBeenCalled();

    type('Company', 'Sheffield City Council');
    type('Role', 'Administrative Officer');
    await checksLoaded();
    save();
    await waitFor(() => expect(track).toHaveBeenCalledWith('application_created'));
    expect(track).toHaveBeenCalledTimes(1);
  });
});
