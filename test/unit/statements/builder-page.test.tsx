// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { constraintOf } from '~/components/forms/constraint';
import { CHECKS_READY } from '~/components/forms/form';
import { FORM_TOO_LARGE, type FormReply } from '~/components/forms/messages';
import { BuilderPage } from '~/statements/builder-page';
import { DraftViews } from '~/statements/draft-views';
import type { VersionSummary } from '~/statements/types';
import { blankInputs, formDefaults } from '~/statements/inputs';
import { builderSchema } from '~/statements/schema';
import { NHS_BAND_5 } from '../../fixtures/specifications';
import { renderRoutes } from '../../support/render';

const KEY = '0b6b2f8e-3d0c-4a8e-9d8b-2c6f1e9a7b11';

function NewSupporting({ lastResult = null }: { lastResult?: FormReply | null }) {
  return (
    <BuilderPage
      kind="supporting"
      constraint={constraintOf(builderSchema('supporting'))}
      defaults={formDefaults(blankInputs('supporting'), { submissionKey: KEY })}
      wordLimit={1000}
      action="/statements/new?kind=supporting"
      configured
      lastResult={lastResult}
    />
  );
}

/** A saved statement's page, open on its Version 1. */
function SavedStatement() {
  const version = savedEnd().version as VersionSummary;
  return (
    <BuilderPage
      kind="supporting"
      constraint={constraintOf(builderSchema('supporting'))}
      defaults={formDefaults(blankInputs('supporting'), {
        submissionKey: KEY,
        statementId: STATEMENT_ID,
      })}
      wordLimit={1000}
      action={`/statements/${STATEMENT_ID}`}
      configured
      lastResult={null}
      statementId={STATEMENT_ID}
      versions={[version]}
      selected={{ version, text: 'I registered with the NMC.' }}
      views={DraftViews}
    />
  );
}

function render(action = vi.fn(async () => null)) {
  renderRoutes(
    [
      { path: '/statements/new', Component: NewSupporting, action },
      { path: '/statements/:id', Component: () => <h1>Saved statement page</h1> },
    ],
    '/statements/new?kind=supporting',
  );
  return action;
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });

/** A fetch whose answer body the test writes line by line. */
function streamingFetch() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const fetch = vi.fn(
    async () => new Response(body, { headers: { 'Content-Type': 'application/x-ndjson' } }),
  );
  return {
    fetch,
    send: (event: object) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`)),
    end: () => controller.close(),
    /** The connection is cut. */
    cut: () => controller.error(new TypeError('network error')),
  };
}

afterEach(() => vi.unstubAllGlobals());

const STATEMENT_ID = '7d5f0a3e-1c2b-4e6f-8a9b-0c1d2e3f4a5b';
const VERSION_ID = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';

/** Fills in the least a supporting statement's draft needs, and presses Generate. */
function fillInAndGenerate() {
  type('Job title', 'Staff Nurse');
  fireEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
  type('Criterion', 'NMC registration');
  type('Your evidence', 'Registered 2025.');
  fireEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
}

/** Fills the least a draft needs, presses Generate and has Claude write `text`; returns the stream. */
async function writing(text: string, action?: Parameters<typeof render>[0]) {
  const stream = streamingFetch();
  vi.stubGlobal('fetch', stream.fetch);
  render(action);
  fillInAndGenerate();
  await waitFor(() => expect(stream.fetch).toHaveBeenCalledTimes(1));
  stream.send({
    type: 'start',
    statementId: STATEMENT_ID,
    versionId: VERSION_ID,
    number: 1,
    wordLimit: 1000,
  });
  stream.send({ type: 'text', text });
  expect(await screen.findByText(text)).toBeTruthy();
  expect(await screen.findByText('Claude is writing Version 1…')).toBeTruthy();
  return stream;
}

/** Lets the page run its timers and frames, so a navigation it planned would have happened. */
const aFewFrames = () => new Promise((resolve) => setTimeout(resolve, 100));

/** The stream's last event for a draft finished and saved as Version 1 of five words. */
function savedEnd() {
  const at = '2026-11-28T10:00:00.000Z';
  return {
    type: 'end',
    statementId: STATEMENT_ID,
    versionId: VERSION_ID,
    version: {
      ...{ id: VERSION_ID, number: 1, name: null, status: 'complete', failure: null },
      ...{ words: 5, wordLimit: 1000, createdAt: at, updatedAt: at, editedAt: null },
    },
    number: 1,
    status: 'complete',
    shortfall: null,
    message: null,
    saved: true,
    report: { words: 5, limit: 1000, sections: [], over: 0 },
    stockPhrases: [],
  };
}

/** The draft's words are still on the page, nothing saved is shown, and the form keeps its inputs. */
async function expectDraftKept(words: string) {
  await aFewFrames();
  expect(screen.getByTestId('live-draft').textContent).toBe(words);
  expect(screen.queryByText(/saved as Version 1/)).toBeNull();
  expect(screen.queryByRole('heading', { name: 'Saved statement page' })).toBeNull();
  expect(screen.getByLabelText('Job title', { exact: true })).toHaveProperty(
    'value',
    'Staff Nurse',
  );
}

describe('the builder with JavaScript', () => {
  it('lists the criteria in the page, sending nothing anywhere', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const action = render();

    type('Person specification', NHS_BAND_5);
    fireEvent.click(screen.getByRole('button', { name: 'List the criteria' }));

    const first = await screen.findByRole('group', { name: 'Criterion 1' });
    expect(within(first).getByLabelText('Criterion')).toHaveProperty(
      'value',
      'Registered Nurse (Adult) with current NMC registration',
    );
    expect(screen.getByRole('group', { name: 'Criterion 10' })).toBeTruthy();
    expect(screen.getByText(/10 criteria listed below/)).toBeTruthy();
    expect(action).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('checks the inputs before sending, then shows the words as they arrive, with Stop', async () => {
    const stream = streamingFetch();
    vi.stubGlobal('fetch', stream.fetch);
    render();
    // The form's checks load on its first use (docs/decisions/030).
    fireEvent.focusIn(screen.getByLabelText('Job title', { exact: true }));
    await waitFor(() =>
      expect(document.getElementById('builder')?.hasAttribute(CHECKS_READY)).toBe(true),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
    // Beside the field, and as a link in the error summary at the top.
    expect(await screen.findAllByText('Enter the job title')).toHaveLength(2);
    expect(stream.fetch).not.toHaveBeenCalled();

    fillInAndGenerate();

    await waitFor(() => expect(stream.fetch).toHaveBeenCalledTimes(1));
    const [url, init] = stream.fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/statements/generate');
    expect((init.body as FormData).get('intent')).toBe('generate');
    expect((init.body as FormData).get('submissionKey')).toBe(KEY);

    stream.send({
      type: 'start',
      statementId: STATEMENT_ID,
      versionId: VERSION_ID,
      number: 1,
      wordLimit: 1000,
    });
    stream.send({ type: 'text', text: 'I registered' });
    expect(await screen.findByText('I registered')).toBeTruthy();
    // The panel's views load after the page's first paint (draft-panel.tsx).
    expect(await screen.findByText('Claude is writing Version 1…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
    expect(screen.getByText(/2 of 1,000 words/)).toBeTruthy();

    stream.send({ type: 'text', text: ' with the NMC.' });
    expect(await screen.findByText('I registered with the NMC.')).toBeTruthy();
    stream.send(savedEnd());
    // The saved version shows at once, from the stream's last event, ready to edit and copy…
    expect(await screen.findByText('Finished and saved as Version 1.')).toBeTruthy();
    expect(screen.getByLabelText('The draft (you can edit it here)')).toHaveProperty(
      'value',
      'I registered with the NMC.',
    );
    expect(screen.getByRole('link', { name: 'Version 1' })).toBeTruthy();
    stream.end();
    // …then the page moves to the saved statement's address.
    expect(await screen.findByRole('heading', { name: 'Saved statement page' })).toBeTruthy();
  });

  it('keeps the words on the page, with what to do, when the finished draft could not be saved', async () => {
    const words = 'I registered with the NMC in 2025.';
    const stream = await writing(words);
    stream.send({
      type: 'end',
      statementId: STATEMENT_ID,
      versionId: null,
      version: null,
      number: 1,
      status: 'complete',
      shortfall: null,
      message:
        'We could not save this draft just now: copy it from this page before you leave. Your inputs are saved.',
      saved: false,
      report: { words: 7, limit: 1000, sections: [], over: 0 },
      stockPhrases: [],
    });
    stream.end();

    expect((await screen.findByRole('alert')).textContent).toMatch(/copy it from this page/);
    await expectDraftKept(words);
  });

  it('keeps the words on the page when the connection drops before the draft ends', async () => {
    const words = 'I registered with the NMC';
    const stream = await writing(words);
    stream.end(); // no end event: the connection was cut

    expect((await screen.findByRole('alert')).textContent).toMatch(
      /connection to JobTrack dropped/,
    );
    await expectDraftKept(words);
  });

  it('shows the saved version even when the connection is cut just after the last event', async () => {
    const words = 'I registered with the NMC.';
    const stream = await writing(words);
    stream.send(savedEnd());
    stream.cut();

    expect(await screen.findByRole('heading', { name: 'Saved statement page' })).toBeTruthy();
    expect(screen.queryByText(/connection to JobTrack dropped/)).toBeNull();
  });

  it.each([
    ['stopped', 'stopped', 'Stopped and saved as Version 1.'],
    ['incomplete', 'busy', 'Incomplete: saved what was written as Version 1.'],
  ])('says a %s draft was not finished when it is saved', async (status, shortfall, note) => {
    const stream = await writing('I registered');
    const end = savedEnd();
    stream.send({
      ...end,
      status,
      shortfall,
      version: { ...end.version, status, failure: shortfall, words: 2 },
    });

    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.queryByText(/Finished and saved/)).toBeNull();
  });

  it('holds Save inputs while a draft is written, which would leave the page and the draft', async () => {
    const action = vi.fn(async () => null);
    await writing('Dear Hiring Manager,', action);
    const save = screen.getByRole('button', { name: 'Save inputs' });
    await waitFor(() => expect(save.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(save);
    await aFewFrames();
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByText('Claude is writing Version 1…')).toBeTruthy();
  });

  it('holds a save by Enter in a field while a draft is written, as it holds the Save button', async () => {
    const action = vi.fn(async () => null);
    await writing('Dear Hiring Manager,', action);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Save inputs' }).getAttribute('aria-disabled'),
      ).toBe('true'),
    );
    // The form's first button, which Enter in a field presses.
    fireEvent.click(document.querySelector('#builder button.visually-hidden')!);
    await aFewFrames();
    expect(action).not.toHaveBeenCalled();
  });

  it('asks before Generate or Regenerate replaces a saved draft whose edits are not saved', async () => {
    const fetch = streamingFetch().fetch;
    vi.stubGlobal('fetch', fetch);
    renderRoutes(
      [{ path: '/statements/:id', Component: SavedStatement, action: vi.fn(async () => null) }],
      `/statements/${STATEMENT_ID}`,
    );
    const draft = await screen.findByLabelText('The draft (you can edit it here)');
    fireEvent.change(draft, { target: { value: 'I registered with the NMC in 2025.' } });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);

    // Regenerate is the same form's submit (its `form` attribute, which happy-dom does not
    // follow), so the form's own Generate stands for both here.
    fireEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
    expect(confirm).toHaveBeenCalledWith(
      'Your edits to Version 1 are not saved. Write a new draft anyway and lose them?',
    );
    await aFewFrames();
    expect(fetch).not.toHaveBeenCalled();

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });

  it('without JavaScript, carries the statement a refused press saved in the form it draws again', () => {
    const reply = {
      status: 'error' as const,
      initialValue: { kind: 'supporting', statementId: STATEMENT_ID },
      error: { '': ['You have generated 20 drafts in the last hour.'] },
    };
    renderRoutes(
      [{ path: '/statements/new', Component: () => <NewSupporting lastResult={reply} /> }],
      '/statements/new?kind=supporting',
    );
    expect(document.querySelector('input[name="statementId"]')).toHaveProperty(
      'value',
      STATEMENT_ID,
    );
  });

  it('sends the next press to the statement a press refused over the hourly limit saved', async () => {
    const limit =
      'You have generated 20 drafts in the last hour, the most the Statement Builder allows. You can generate again at 23:38. Your inputs are saved.';
    const fetch = vi
      .fn(async () =>
        Response.json({ formErrors: [limit], statementId: STATEMENT_ID }, { status: 429 }),
      )
      // The second press is lost on the way; the third still goes to the same statement.
      .mockImplementationOnce(async () =>
        Response.json({ formErrors: [limit], statementId: STATEMENT_ID }, { status: 429 }),
      )
      .mockImplementationOnce(async () => {
        throw new TypeError('Failed to fetch');
      });
    vi.stubGlobal('fetch', fetch);
    render();
    fillInAndGenerate();
    expect(await screen.findByText(limit)).toBeTruthy();

    await waitFor(() =>
      expect(document.querySelector('input[name="statementId"]')).toHaveProperty(
        'value',
        STATEMENT_ID,
      ),
    );
    for (const press of [2, 3]) {
      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: 'Generate draft' }).getAttribute('aria-disabled'),
        ).toBeNull(),
      );
      fireEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
      await waitFor(() => expect(fetch).toHaveBeenCalledTimes(press));
      const [, init] = fetch.mock.calls[press - 1] as unknown as [string, RequestInit];
      expect((init.body as FormData).get('statementId')).toBe(STATEMENT_ID);
    }
  });

  it('says so, keeping the inputs, when the form is too large for the server to read', async () => {
    const fetch = vi.fn(async () => new Response(FORM_TOO_LARGE, { status: 413 }));
    vi.stubGlobal('fetch', fetch);
    render();
    fillInAndGenerate();

    expect(await screen.findByText(FORM_TOO_LARGE)).toBeTruthy();
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
    expect(screen.getByLabelText('Job title', { exact: true })).toHaveProperty(
      'value',
      'Staff Nurse',
    );
  });

  it('sends a one-time key of its own with each press', async () => {
    const stream = await writing('I registered with the NMC.');
    stream.end(); // the connection dropped: the person presses again at once
    expect(await screen.findByText(/connection to JobTrack dropped/)).toBeTruthy();
    const next = streamingFetch();
    vi.stubGlobal('fetch', next.fetch);
    fireEvent.click(screen.getByRole('button', { name: /Generate draft|Writing…/ }));
    await waitFor(() => expect(next.fetch).toHaveBeenCalledTimes(1));
    const [, init] = next.fetch.mock.calls[0] as unknown as [string, RequestInit];
    const key = (init.body as FormData).get('submissionKey');
    expect(key).not.toBe(KEY);
    expect(String(key)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
