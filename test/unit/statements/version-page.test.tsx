// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { constraintOf } from '~/components/forms/constraint';
import VersionPage from '~/routes/statements.$id_.versions.$versionId';
import { VersionSchema } from '~/statements/schema';
import { renderRoutes } from '../../support/render';

const STATEMENT = '7d5f0a3e-1c2b-4e6f-8a9b-0c1d2e3f4a5b';
const VERSION = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
const at = '2026-11-28T10:00:00.000Z';
const saved = 'Dear Hiring Manager, I am applying for the Policy Officer role.';

const loader = () => ({
  statementId: STATEMENT,
  kind: 'cover_letter' as const,
  title: 'Policy Officer at Leeds City Council',
  version: {
    ...{ id: VERSION, number: 1, name: null, status: 'complete' as const, failure: null },
    ...{ words: 11, wordLimit: 250, createdAt: at, updatedAt: at, editedAt: null },
  },
  text: saved,
  previous: null,
  notice: null,
  constraint: constraintOf(VersionSchema),
});

describe('a version’s page after a refused save', () => {
  it('counts the words of the text that was sent, which the box keeps, not the saved ones', async () => {
    const sent = 'word '.repeat(300).trim();
    const action = () => ({
      status: 'error' as const,
      initialValue: { intent: 'save', name: '', text: sent },
      error: { text: ['A draft can be up to 40,000 characters'] },
    });
    const path = `/statements/${STATEMENT}/versions/${VERSION}`;
    renderRoutes(
      [{ path: '/statements/:id/versions/:versionId', Component: VersionPage, loader, action }],
      path,
    );

    // Generous waits: the route module is large, and a busy machine is slow to draw it.
    expect(await screen.findByText(/11 of 250 words/, {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(
      () =>
        expect(document.querySelector('.field__error')?.textContent).toBe(
          'A draft can be up to 40,000 characters',
        ),
      { timeout: 5000 },
    );
    // Conform puts the sent text back into the box after the reply has drawn its errors.
    expect(await screen.findByText(/300 of 250 words/, {}, { timeout: 5000 })).toBeTruthy();
  });
});
