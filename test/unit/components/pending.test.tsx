// @vitest-environment happy-dom
import { Form } from '@remix-run/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SubmitButton } from '~/components/forms';
import { deferred, renderRoutes } from '../../support/render';

// A page like every signed-in page: the header's sign-out form and the page's own form, plus two
// rows that post to one action and differ only by a hidden id.
function Page() {
  return (
    <>
      <Form method="post" action="/signout" aria-label="Header">
        <SubmitButton formAction="/signout" pendingText="Signing out…">
          Sign out
        </SubmitButton>
      </Form>
      <Form method="post" aria-label="Page">
        <SubmitButton>Save</SubmitButton>
      </Form>
      {['a', 'b'].map((id) => (
        <Form key={id} method="post" action="/rows" aria-label={`Row ${id}`}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton formAction="/rows" fields={{ id }} pendingText="Updating…">
            Update
          </SubmitButton>
        </Form>
      ))}
    </>
  );
}

function setup() {
  const actions = { page: deferred(), signout: deferred(), rows: deferred() };
  renderRoutes(
    [
      { path: '/', Component: Page, action: () => actions.page.promise },
      { path: '/signout', action: () => actions.signout.promise },
      { path: '/rows', action: () => actions.rows.promise },
    ],
    '/',
  );
  const form = (name: string) => within(screen.getByRole('form', { name }));
  return { actions, form };
}

const isPending = (button: HTMLElement) => button.getAttribute('aria-disabled') === 'true';

describe('useIsPending, through SubmitButton', () => {
  it('is true only for the form being sent, not for every form on the page', async () => {
    const { actions, form } = setup();
    fireEvent.click(form('Header').getByRole('button', { name: 'Sign out' }));

    await waitFor(() =>
      expect(form('Header').getByRole('status').textContent).toBe('Signing out…'),
    );
    expect(isPending(form('Header').getByRole('button'))).toBe(true);
    expect(isPending(form('Page').getByRole('button', { name: 'Save' }))).toBe(false);
    expect(form('Page').getByRole('status').textContent).toBe('');
    actions.signout.resolve(null);
  });

  it('follows the page’s own form, and ends when its action answers', async () => {
    const { actions, form } = setup();
    fireEvent.click(form('Page').getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(form('Page').getByRole('status').textContent).toBe('Please wait…'));
    expect(isPending(form('Header').getByRole('button'))).toBe(false);
    actions.page.resolve(null);
    await waitFor(() => expect(form('Page').getByRole('status').textContent).toBe(''));
    expect(isPending(form('Page').getByRole('button', { name: 'Save' }))).toBe(false);
  });

  it('tells apart forms that post to one action by their hidden fields', async () => {
    const { actions, form } = setup();
    fireEvent.click(form('Row b').getByRole('button', { name: 'Update' }));

    await waitFor(() => expect(form('Row b').getByRole('status').textContent).toBe('Updating…'));
    expect(form('Row a').getByRole('status').textContent).toBe('');
    expect(isPending(form('Page').getByRole('button', { name: 'Save' }))).toBe(false);
    actions.rows.resolve(null);
  });
});
