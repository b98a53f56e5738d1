// Writing one draft: Claude's words go on to the person as they arrive, and a copy is kept and
// saved. The writing runs as background work of the request, not as part of the response, so a
// closed tab or a dropped connection loses nothing: the draft is finished and saved regardless.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { loggable } from '~/http/loggable';
import {
  streamDraft,
  toClaudeError,
  type AnthropicConfig,
  type StreamOptions,
} from './anthropic.server';
import type { Inputs } from './inputs';
import { limitedSections } from './kinds';
import type { DraftEvent } from './events';
import {
  DELETED_WHILE_WRITING_MESSAGE,
  shortfallCause,
  shortfallMessage,
  type Shortfall,
} from './messages';
import { buildPrompt } from './prompt';
import { stockPhrasesIn } from './stock-phrases';
import { checkpointVersion, finishVersion } from './store.server';
import type { VersionSummary } from './types';
import { wordReport } from './words';

// How often the text so far is saved, and the person's Stop is looked for.
const CHECKPOINT_MS = 1_000;

type Started = { statementId: string; versionId: string; number: number };

/**
 * Starts writing the draft for a version opened by beginGeneration. Returns its events as a
 * stream that the response can encode; cancelling that stream (the person left) only stops the
 * events, never the writing or the save.
 */
export function writeDraft(
  context: AppLoadContext,
  userId: string,
  started: Started,
  inputs: Inputs,
  config: AnthropicConfig,
  options: StreamOptions & { checkpointMs?: number } = {},
): ReadableStream<DraftEvent> {
  let listening = true;
  let push!: (event: DraftEvent) => void;
  let close!: () => void;
  const events = new ReadableStream<DraftEvent>({
    start(controller) {
      push = (event) => {
        if (listening) controller.enqueue(event);
      };
      close = () => {
        if (listening) controller.close();
      };
    },
    cancel() {
      listening = false;
    },
  });
  const { statementId, versionId, number } = started;
  push({ type: 'start', statementId, versionId, number, wordLimit: inputs.wordLimit });
  context.background.run(() =>
    run(context, userId, started, inputs, config, options, push).finally(() => close()),
  );
  return events;
}

async function run(
  context: AppLoadContext,
  userId: string,
  started: Started,
  inputs: Inputs,
  config: AnthropicConfig,
  options: StreamOptions & { checkpointMs?: number },
  push: (event: DraftEvent) => void,
) {
  const stop = new AbortController();
  let text = '';
  let shortfall: Shortfall | null = null;
  let saving: Promise<void> | null = null;

  // Saves the text so far and learns of a Stop press (made by another request, through the row).
  const checkpoint = () => {
    saving ??= checkpointVersion(context, userId, started.versionId, text)
      .then((stopAsked) => {
        if (stopAsked) stop.abort();
      })
      .catch((error: unknown) =>
        console.warn('Could not save a draft in progress:', loggable(error)),
      )
      .finally(() => (saving = null));
  };
  const timer = setInterval(checkpoint, options.checkpointMs ?? CHECKPOINT_MS);

  try {
    const stream = streamDraft(config, buildPrompt(inputs), stop.signal, options);
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        if (stop.signal.aborted) shortfall = 'stopped';
        else if (next.value.stopReason === 'max_tokens') shortfall = 'length';
        break;
      }
      text += next.value;
      push({ type: 'text', text: next.value });
    }
  } catch (error) {
    shortfall = toClaudeError(error).failure;
  } finally {
    clearInterval(timer);
  }
  // No waiting for a checkpoint in flight: it only writes while the version is `generating`, so it
  // can never overwrite the final text, whichever commits first.

  const status =
    shortfall === null ? 'complete' : shortfall === 'stopped' ? 'stopped' : 'incomplete';
  let saved = false;
  let version: VersionSummary | null = null;
  try {
    version = await finishVersion(context, userId, started, {
      text,
      status,
      failure: shortfall,
    });
    saved = true;
  } catch (error) {
    console.error('Could not save a finished draft:', loggable(error));
  }
  const kept = version !== null;
  const message = !saved
    ? `${shortfall ? `${shortfallCause(shortfall)} ` : ''}We could not save this draft just now: copy it from this page before you leave. Your inputs are saved.`
    : !kept && text.trim()
      ? DELETED_WHILE_WRITING_MESSAGE
      : shortfall
        ? shortfallMessage(shortfall, kept ? started.number : null)
        : null;
  push({
    type: 'end',
    statementId: started.statementId,
    versionId: kept ? started.versionId : null,
    version,
    number: started.number,
    status,
    shortfall,
    message,
    saved,
    report: wordReport(text, inputs.wordLimit, limitedSections(inputs.kind)),
    stockPhrases: stockPhrasesIn(text),
  });
}
