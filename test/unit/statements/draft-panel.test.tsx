// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
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

/** The browser could not fetch the views' module (offline, or a release replaced it). */
const failToLoadViews = () =>
  vi.doMock('~/statements/draft-views', () => {
    throw new TypeError('Failed to fetch dynamically imported module');
  });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
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
    expect(await screen.findByText('Claude is writing Version 1…')).toBeTruthy();
    expect(screen.getByTestId('live-draft').textContent).toBe(writing.text);
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
  });

  it('still shows the words, and says what is missing, when its views cannot load', async () => {
    failToLoadViews();
    const { VIEWS_NOT_LOADED_MESSAGE } = await import('~/statements/messages');
    await renderPanel(writing);
    expect((await screen.findByRole('alert')).textContent).toBe(VIEWS_NOT_LOADED_MESSAGE);
    expect(screen.getByTestId('live-draft').textContent).toBe(writing.text);
    expect(screen.getByRole('heading', { name: 'Your draft' })).toBeTruthy();
    const { draftViewsFailed } = await import('~/statements/draft-panel');
    // So the move to the saved version loads it as a page of its own (use-draft-stream.ts).
    expect(draftViewsFailed()).toBe(true);
  });

  it('keeps an unsaved draft and its message on screen when its views cannot load', async () => {
    failToLoadViews();
    const message =
      'We could not save this draft just now: copy it from this page before you leave. Your inputs are saved.';
    await renderPanel({
      ...writing,
      phase: 'ended',
      end: {
        type: 'end',
        statementId: writing.statementId!,
        versionId: null,
        version: null,
        number: 1,
        status: 'complete',
        shortfall: null,
        message,
        saved: false,
        report: { words: 9, limit: 500, sections: [], over: 0 },
        stockPhrases: [],
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByTestId('live-draft').textContent).toBe(writing.text);
  });

  it('starts loading its views with the page, and a failure then changes nothing on it', async () => {
    failToLoadViews();
    await renderPanel(null);
    const { draftViewsFailed } = await import('~/statements/draft-panel');
    await waitFor(() => expect(draftViewsFailed()).toBe(true));
    expect(screen.getByText(/Your draft appears here as Claude writes it/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a draft saved when the views could not load', () => {
  it('opens the saved version as a new page load, which brings the views with it', async () => {
    failToLoadViews();
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => {});
    const { useDraftStream } = await import('~/statements/use-draft-stream');
    const { loadDraftViews } = await import('~/statements/draft-panel');
    await loadDraftViews().catch(() => {});
    const encoder = new TextEncoder();
    const end = {
      type: 'end',
      statementId: writing.statementId,
      versionId: writing.versionId,
      version: {
        ...{ id: writing.versionId, number: 1, name: null, status: 'complete', failure: null },
        ...{ words: 9, wordLimit: 500, createdAt: '2026-11-29T10:00:00.000Z' },
        ...{ updatedAt: '2026-11-29T10:00:00.000Z', editedAt: null },
      },
      number: 1,
      status: 'complete',
      shortfall: null,
      message: null,
      saved: true,
      report: { words: 9, limit: 500, sections: [], over: 0 },
      stockPhrases: [],
    };
    const body = [{ type: 'text', text: writing.text }, end]
      .map((event) => `${JSON.stringify(event)}\n`)
      .join('');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(encoder.encode(body))),
    );
    let start!: (form: HTMLFormElement, submitter: HTMLElement | null) => Promise<void>;
    const Page = () => {
      start = useDraftStream({ onReply: () => {} }).start;
      return <form id="builder" />;
    };
    renderRoutes([{ path: '/statements/new', Component: Page }], '/statements/new');
    await start(document.getElementById('builder') as HTMLFormElement, null);
    await waitFor(() =>
      expect(replace).toHaveBeenCalledWith(
        `/statements/${writing.statementId}?version=${writing.versionId}`,
      ),
    );
  });
});
