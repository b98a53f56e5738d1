// @vitest-environment happy-dom
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { savedDifferently } from '~/applications/actions.server';
import { ApplicationSchema } from '~/applications/application-schema';
import NewApplication from '~/routes/applications.new';
import { renderRoutes } from '../../support/render';

describe('the add page’s one-time key with JavaScript', () => {
  it('sends the fresh key from a "saved differently" answer, not the page’s first key again, also after a later refusal', async () => {
    const sent: string[] = [];
    // The first key was already saved with other details: the real 409 for that. Then saved.
    const action = async ({ request }: ActionFunctionArgs) => {
      const formData = await request.formData();
      sent.push(String(formData.get('key')));
      const submission = parseWithZod(formData, { schema: ApplicationSchema });
      if (sent.length === 1) return savedDifferently(submission, crypto.randomUUID());
      // Then refused for another reason: the form keeps the key it was sent with.
      if (sent.length === 2) return submission.reply({ formErrors: ['Refused for now'] });
      return null;
    };
    // Under single fetch no loader runs after a 4xx, so the page's key stays the first one.
    const loader = () => ({ key: 'first-key' });
    renderRoutes(
      [{ path: '/applications/new', Component: NewApplication, loader, action }],
      '/applications/new',
    );
    const field = (label: string) => screen.getByLabelText(label, { exact: true });
    await waitFor(() => field('Company'));
    fireEvent.change(field('Company'), { target: { value: 'Second Thoughts Ltd' } });
    fireEvent.change(field('Role'), { target: { value: 'Clerk' } });
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save application' }));

    save();
    await screen.findByText(/saved before, with other details/);
    save();
    await screen.findByText('Refused for now');
    save();
    await waitFor(() => expect(sent).toHaveLength(3));

    expect(sent[0]).toBe('first-key');
    expect(sent[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[2]).toBe(sent[1]);
  });

  it('starts a new form empty, with a key of its own, from a page whose key was saved', async () => {
    let showing = 0;
    const loader = () => {
      showing += 1;
      return showing === 1
        ? { key: 'used-key', saved: { id: 'a1', company: 'HMRC', role: 'Executive Officer' } }
        : { key: `fresh-key-${showing}`, saved: null };
    };
    renderRoutes(
      [
        { path: '/applications/new', Component: NewApplication, loader },
        { path: '/applications/:id', Component: () => <p>An application</p> },
      ],
      '/applications/new?key=used-key',
    );
    const company = () => screen.getByLabelText('Company', { exact: true }) as HTMLInputElement;
    await screen.findByText(/This form was saved once already/);
    // As a browser restores what was typed when the page is loaded again.
    fireEvent.change(company(), { target: { value: 'HMRC' } });

    fireEvent.click(screen.getByRole('link', { name: 'start a new form' }));

    await waitFor(() => expect(screen.queryByText(/This form was saved once already/)).toBeNull());
    expect(company().value).toBe('');
  });
});
