import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  ClaudeError,
  DEFAULT_MODEL,
  streamDraft,
  type AnthropicConfig,
  type StreamOptions,
} from '~/statements/anthropic.server';
import type { Prompt } from '~/statements/prompt';
import { messageStart, textBlockStart, textDelta } from '../../mocks/anthropic-events';
import { ANTHROPIC_BASE_URL, fakeAnthropic } from '../../mocks/anthropic';
import { server } from '../../mocks/server';

const config: AnthropicConfig = {
  apiKey: 'sk-test',
  baseUrl: ANTHROPIC_BASE_URL,
  model: DEFAULT_MODEL,
};
const prompt: Prompt = { system: 'The rules.', user: 'The inputs.', maxTokens: 900 };
const noWait: StreamOptions = { sleep: async () => {} };

async function collect(options: StreamOptions = noWait, signal = new AbortController().signal) {
  const texts: string[] = [];
  const stream = streamDraft(config, prompt, signal, options);
  for (;;) {
    const next = await stream.next();
    if (next.done) return { texts, end: next.value };
    texts.push(next.value);
  }
}

async function failure(options: StreamOptions = noWait) {
  const texts: string[] = [];
  try {
    for await (const text of streamDraft(config, prompt, new AbortController().signal, options))
      texts.push(text);
  } catch (error) {
    return { error: error as ClaudeError, texts };
  }
  throw new Error('expected the stream to fail');
}

// Quiet the wrapper's operator log in the failure cases.
const quietly = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('streaming a draft from Claude', () => {
  it('passes on each piece of text in order and ends with the stop reason', async () => {
    const fake = fakeAnthropic({ pieces: ['I ', 'led ', 'the ', 'ward.'] });
    server.use(fake.handler);

    const { texts, end } = await collect();

    expect(texts).toEqual(['I ', 'led ', 'the ', 'ward.']);
    expect(end.stopReason).toBe('end_turn');
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.body).toMatchObject({
      model: DEFAULT_MODEL,
      max_tokens: 900,
      stream: true,
      system: 'The rules.',
      messages: [{ role: 'user', content: 'The inputs.' }],
    });
    // SDK 1.x sends the key as a bearer token.
    expect(sent.headers.get('authorization')).toBe('Bearer sk-test');
  });

  it('retries a 429 or 529 that comes before any text, honouring a short retry-after', async () => {
    quietly();
    const fake = fakeAnthropic(
      { status: 429, type: 'rate_limit_error', retryAfter: '1' },
      { status: 529, type: 'overloaded_error' },
      { pieces: ['Done.'] },
    );
    server.use(fake.handler);
    const sleep = vi.fn(async () => {});

    const { texts } = await collect({ sleep });

    expect(texts).toEqual(['Done.']);
    expect(fake.requests).toHaveLength(3);
    expect(sleep).toHaveBeenNthCalledWith(1, 1000);
  });

  it('gives up after its retries with "busy" for 529 and "rate-limited" for 429', async () => {
    quietly();
    server.use(fakeAnthropic({ status: 529, type: 'overloaded_error' }).handler);
    const busy = await failure({ ...noWait, retries: 2 });
    expect(busy.error).toBeInstanceOf(ClaudeError);
    expect(busy.error.failure).toBe('busy');

    const limited = fakeAnthropic({ status: 429, type: 'rate_limit_error', retryAfter: '30' });
    server.use(limited.handler);
    // A long retry-after is not waited out: the person is told to try again in a minute.
    expect((await failure()).error.failure).toBe('rate-limited');
    expect(limited.requests).toHaveLength(1);
  });

  it('never retries once text has been passed on: an error event mid-stream fails with what came before', async () => {
    quietly();
    const fake = fakeAnthropic({ pieces: ['I ', 'led ', 'the ', 'ward.'], errorAt: 2 });
    server.use(fake.handler);

    const { error, texts } = await failure();

    expect(error.failure).toBe('busy');
    expect(texts).toEqual(['I ', 'led ']);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries an error event that arrives before the first word', async () => {
    quietly();
    const fake = fakeAnthropic({ pieces: ['Hello.'], errorAt: 0 }, { pieces: ['Hello.'] });
    server.use(fake.handler);

    expect((await collect()).texts).toEqual(['Hello.']);
    expect(fake.requests).toHaveLength(2);
  });

  it('maps a 500 to busy, a refused key to refused (not retried), and a dropped connection to unreachable', async () => {
    quietly();
    server.use(fakeAnthropic({ status: 500, type: 'api_error' }).handler);
    expect((await failure({ ...noWait, retries: 0 })).error.failure).toBe('busy');

    const refused = fakeAnthropic({ status: 401, type: 'authentication_error' });
    server.use(refused.handler);
    expect((await failure()).error.failure).toBe('refused');
    expect(refused.requests).toHaveLength(1);

    const dropped = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    expect((await failure({ ...noWait, fetch: dropped })).error.failure).toBe('unreachable');
    expect(dropped).toHaveBeenCalledTimes(3);
  });
});

/** A fetch whose answer starts a stream, sends `texts`, then goes quiet until aborted. */
function stallingFetch(texts: string[]) {
  const encoder = new TextEncoder();
  return vi.fn(async (_input: unknown, init?: RequestInit) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(messageStart(DEFAULT_MODEL) + textBlockStart()));
        for (const t of texts) controller.enqueue(encoder.encode(textDelta(t)));
        init?.signal?.addEventListener('abort', () =>
          controller.error(new DOMException('The operation was aborted.', 'AbortError')),
        );
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  });
}

describe('a stream that stops', () => {
  it('fails with "timeout" when the stream goes quiet, keeping the text before it', async () => {
    quietly();
    const { error, texts } = await failure({
      ...noWait,
      fetch: stallingFetch(['I ', 'led ']),
      idleTimeoutMs: 50,
    });
    expect(error.failure).toBe('timeout');
    expect(texts).toEqual(['I ', 'led ']);
  });

  it('ends quietly when the caller aborts (the person pressed Stop)', async () => {
    const controller = new AbortController();
    const stream = streamDraft(config, prompt, controller.signal, { fetch: stallingFetch(['I ']) });
    expect(await stream.next()).toEqual({ done: false, value: 'I ' });
    const next = stream.next();
    controller.abort();
    expect(await next).toEqual({ done: true, value: { stopReason: null } });
  });
});

describe('the default model', () => {
  it('is a Sonnet that the installed SDK lists and does not mark deprecated', () => {
    const require = createRequire(import.meta.url);
    const sdk = dirname(require.resolve('@anthropic-ai/sdk'));
    const types = readFileSync(join(sdk, 'resources/messages/messages.d.ts'), 'utf8');
    const union = /export type Model = ([^;]+);/.exec(types)![1]!;
    const listed = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const deprecated = readFileSync(join(sdk, 'internal/data/deprecated-models.js'), 'utf8');

    expect(DEFAULT_MODEL).toMatch(/^claude-sonnet-/);
    expect(listed).toContain(DEFAULT_MODEL);
    expect(deprecated).not.toContain(`'${DEFAULT_MODEL}'`);
    expect(deprecated).toContain("'claude-sonnet-4-5'"); // the check reads a real list
  });
});
