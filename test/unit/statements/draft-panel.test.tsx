// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveDraft } from '~/statements/use-draft-stream';
import { renderRoutes } from '../../support/render';

const writing: LiveDraft = {
  phase: 'writing',
  statementId: '7d5f0a3e-1c2b-4e6f-8a9b-0c1d2e3f4a5b',
  versionId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  number: 1,
  wordLimit: 500,
  text: 'In my role as a Band 5 staff nurse',
  end: null,
  error: null,
};

async function renderPanel(live: LiveDraft | null) {
  const { DraftPanel } = await import('~/statements/draft-panel');
  const Page = () => (
    <DraftPanel
      kind="supporting"
      wordLimit={500}
      statementId={null}
      versions={[]}
      selected={null}
      live={live}
      onStop={() => {}}
      configured
      notice={null}
    />
  );
  renderRoutes([{ path: '/statements/new', Component: Page }], '/statements/new');
}

afterEach(() => {
  cleanup();
  vi.doUnmock('~/statements/draft-views');
  vi.resetModules();
});

describe("a new statement's draft panel, whose views load after the page", () => {
  it('shows its opening line before there is a draft', async () => {
    await renderPanel(null);
    expect(screen.getByText(/Your draft appears here as Claude writes it/)).toBeTruthy();
  });

  it('shows the words being written once its views have loaded', async () => {
    await renderPanel(writing);
    expect(await screen.findByText(writing.text)).toBeTruthy();
    expect(screen.getByText('Claude is writing Version 1…')).toBeTruthy();
  });

  it('says what happens to the draft, and keeps the page, when its views cannot load', async () => {
    vi.doMock('~/statements/draft-views', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { VIEWS_NOT_LOADED_MESSAGE } = await import('~/statements/messages');
    await renderPanel(writing);
    expect((await screen.findByRole('alert')).textContent).toBe(VIEWS_NOT_LOADED_MESSAGE);
    expect(screen.getByRole('heading', { name: 'Your draft' })).toBeTruthy();
  });
});
