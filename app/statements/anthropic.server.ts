// The one wrapper around Anthropic's SDK: nothing else in the app imports it. It streams the text
// of a draft and turns the SDK's errors into a few failures the page can explain.
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import type { Prompt } from './prompt';

/** A current Sonnet from the installed SDK's model list, not one it marks deprecated. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

export type AnthropicConfig = { apiKey: string; baseUrl: string | null; model: string };

/** What went wrong, in the terms the page explains to the person. */
export type ClaudeFailure =
  | 'busy' // 529, a 5xx, or an overloaded error part-way through
  | 'rate-limited' // 429: our account's limit at Anthropic, not the person's
  | 'timeout' // no answer, or a stream that went quiet
  | 'unreachable' // the connection failed
  | 'refused' // the API key was refused (401/403): the operator must fix the configuration
  | 'failed'; // anything else

export class ClaudeError extends Error {
  constructor(
    readonly failure: ClaudeFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ClaudeError';
  }
}

export type StreamOptions = {
  /** Injected in tests (MSW cannot settle a cancelled body on Node 20); the global fetch otherwise. */
  fetch?: typeof fetch;
  /** How long to wait for the answer to start. */
  firstByteTimeoutMs?: number;
  /** How long the stream may go quiet (Anthropic sends pings while it thinks). */
  idleTimeoutMs?: number;
  /** Further attempts after a failure, made only while no word has been passed on. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
};

export type StreamEnd = { stopReason: string | null };

const RETRYABLE: ReadonlySet<ClaudeFailure> = new Set([
  'busy',
  'rate-limited',
  'timeout',
  'unreachable',
]);
// Anthropic's retry-after can be long; past this it is kinder to say "try again in a minute".
const LONGEST_RETRY_WAIT_MS = 5_000;

const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Turns anything the SDK throws into a ClaudeError. */
export function toClaudeError(error: unknown): ClaudeError {
  if (error instanceof ClaudeError) return error;
  if (error instanceof APIConnectionTimeoutError)
    return new ClaudeError('timeout', 'Anthropic did not answer in time');
  if (error instanceof APIConnectionError)
    return new ClaudeError('unreachable', 'Anthropic could not be reached');
  if (error instanceof APIError) {
    const status = error.status;
    const type = error.type;
    // A spent monthly budget will not come back in a minute: the operator has to act.
    if (error.errorCode === 'enforced_spend_limit_reached')
      return new ClaudeError('refused', error.message, status);
    if (status === 429 || type === 'rate_limit_error')
      return new ClaudeError('rate-limited', error.message, status);
    if (
      status === 401 ||
      status === 403 ||
      type === 'authentication_error' ||
      type === 'permission_error'
    )
      return new ClaudeError('refused', error.message, status);
    if (
      (status !== undefined && status >= 500) ||
      type === 'overloaded_error' ||
      type === 'api_error'
    )
      return new ClaudeError('busy', error.message, status);
    return new ClaudeError('failed', error.message, status);
  }
  return new ClaudeError('failed', error instanceof Error ? error.message : String(error));
}

function retryDelay(error: unknown, attempt: number): number | null {
  const header = error instanceof APIError ? error.headers?.get('retry-after') : null;
  const seconds = header ? Number(header) : NaN;
  if (Number.isFinite(seconds)) {
    const ms = seconds * 1000;
    return ms <= LONGEST_RETRY_WAIT_MS ? ms : null;
  }
  return 400 * 2 ** attempt;
}

/**
 * Streams a draft from Claude: yields each piece of text as it arrives and returns the stop
 * reason. Fails only with a ClaudeError. A failure before the first piece of text is retried
 * (`retries` times); after it, never, since the person has already seen the words. Aborting
 * `signal` ends the stream quietly.
 */
export async function* streamDraft(
  config: AnthropicConfig,
  prompt: Prompt,
  signal: AbortSignal,
  options: StreamOptions = {},
): AsyncGenerator<string, StreamEnd> {
  const { retries = 2, sleep = wait } = options;
  for (let attempt = 0; ; attempt++) {
    let sentText = false;
    try {
      const stream = attemptStream(config, prompt, signal, options);
      for (;;) {
        const next = await stream.next();
        if (next.done) return next.value;
        sentText = true;
        yield next.value;
      }
    } catch (thrown) {
      const error = toClaudeError(thrown);
      const delay = retryDelay(thrown, attempt);
      if (sentText || attempt >= retries || !RETRYABLE.has(error.failure) || delay === null) {
        console.warn(
          `Claude failed (${error.failure}${error.status ? ` ${error.status}` : ''}): ${error.message}`,
        );
        throw error;
      }
      await sleep(delay);
      if (signal.aborted) return { stopReason: null };
    }
  }
}

async function* attemptStream(
  config: AnthropicConfig,
  prompt: Prompt,
  signal: AbortSignal,
  { fetch: fetchImpl, firstByteTimeoutMs = 60_000, idleTimeoutMs = 45_000 }: StreamOptions,
): AsyncGenerator<string, StreamEnd> {
  // Built per call: the SDK keeps the fetch it is given, and tests install theirs first.
  const client = new Anthropic({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? 'https://api.anthropic.com',
    fetch: fetchImpl ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: 0,
    timeout: firstByteTimeoutMs,
  });
  const controller = new AbortController();
  // The person's Stop ends the stream at once, without waiting for the connection to wind down.
  let stopped!: () => void;
  const stopping = new Promise<{ done: true; value: undefined }>((resolve) => {
    stopped = () => resolve({ done: true, value: undefined });
  });
  const abort = () => {
    stopped();
    controller.abort();
  };
  if (signal.aborted) return { stopReason: null };
  signal.addEventListener('abort', abort, { once: true });
  let quiet = false;
  try {
    const request = client.messages.create(
      {
        model: config.model,
        max_tokens: prompt.maxTokens,
        system: prompt.system,
        messages: [{ role: 'user', content: prompt.user }],
        stream: true,
      },
      { signal: controller.signal },
    );
    const stream = await Promise.race([request, stopping]);
    if ('done' in stream) {
      request.catch(() => {}); // its abort error has no one left to hear it
      return { stopReason: null };
    }
    const events = stream[Symbol.asyncIterator]();
    let stopReason: string | null = null;
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = await Promise.race([
        events.next(),
        stopping,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            quiet = true;
            controller.abort();
            reject(new ClaudeError('timeout', 'The stream went quiet'));
          }, idleTimeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      if (signal.aborted) return { stopReason: null };
      if (next.done) return { stopReason };
      const event = next.value;
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        if (event.delta.text) yield event.delta.text;
      } else if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason ?? stopReason;
      }
    }
  } catch (error) {
    if (error instanceof APIUserAbortError || signal.aborted) {
      if (quiet) throw new ClaudeError('timeout', 'The stream went quiet');
      if (signal.aborted) return { stopReason: null };
    }
    throw error;
  } finally {
    signal.removeEventListener('abort', abort);
    controller.abort();
  }
}
