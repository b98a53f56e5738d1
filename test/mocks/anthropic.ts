// MSW handlers for Anthropic's streaming Messages API. Each test installs what it needs with
// `server.use(...)`; any other request to Anthropic is unhandled and fails the test.
import { http, HttpResponse } from 'msw';
import {
  blockStop,
  errorBody,
  errorEvent,
  messageDelta,
  messageStart,
  messageStop,
  ping,
  textBlockStart,
  textDelta,
  type ErrorType,
} from './anthropic-events';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const MESSAGES_URL = `${ANTHROPIC_BASE_URL}/v1/messages`;

/** What the app sent: the parsed body and the headers. */
export type SentRequest = {
  body: {
    model: string;
    max_tokens: number;
    stream: boolean;
    system: string;
    messages: Array<{ role: string; content: string }>;
  };
  headers: Headers;
};

export type StreamScript = {
  /** The text, in the pieces Claude sends it. */
  pieces: string[];
  /** Waits for this before sending the piece at `holdAt` (and the rest). */
  hold?: { at: number; until: Promise<unknown> };
  /** Sends an `error` event instead of the piece at this index (0: before any text). */
  errorAt?: number;
  errorType?: ErrorType;
  stopReason?: 'end_turn' | 'max_tokens';
};

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  'request-id': 'req_mock',
};

/** An SSE body, built as a ReadableStream (the form MSW on Node 20 handles well). */
export function sseBody(model: string, script: StreamScript): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (chunk: string) => controller.enqueue(encoder.encode(chunk));
      send(messageStart(model));
      send(textBlockStart());
      send(ping());
      for (const [i, piece] of script.pieces.entries()) {
        if (script.hold?.at === i) await script.hold.until;
        if (script.errorAt === i) {
          send(errorEvent(script.errorType));
          controller.close();
          return;
        }
        send(textDelta(piece));
      }
      if (script.errorAt === script.pieces.length) {
        send(errorEvent(script.errorType));
        controller.close();
        return;
      }
      send(blockStop());
      send(messageDelta(script.stopReason ?? 'end_turn', script.pieces.length));
      send(messageStop());
      controller.close();
    },
  });
}

/**
 * A fake Anthropic for one test: install `handler` with `server.use`, then read `requests` to see
 * what the app sent. `answers` are used in turn, the last one for every request after.
 */
export function fakeAnthropic(
  ...answers: Array<StreamScript | { status: number; type: ErrorType; retryAfter?: string }>
) {
  const requests: SentRequest[] = [];
  const handler = http.post(MESSAGES_URL, async ({ request }) => {
    const body = (await request.json()) as SentRequest['body'];
    requests.push({ body, headers: request.headers });
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    if ('status' in answer) {
      const message = answer.type === 'overloaded_error' ? 'Overloaded' : 'Error';
      return HttpResponse.json(errorBody(answer.type, message), {
        status: answer.status,
        headers: {
          'request-id': 'req_mock',
          ...(answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}),
        },
      });
    }
    return new HttpResponse(sseBody(body.model, answer), { headers: SSE_HEADERS });
  });
  return { handler, requests };
}

/** A handler that fails the test if the app sends anything to Anthropic. */
export function noAnthropicCalls() {
  const requests: SentRequest[] = [];
  const handler = http.all(`${ANTHROPIC_BASE_URL}/*`, async ({ request }) => {
    requests.push({
      body: (await request
        .clone()
        .json()
        .catch(() => ({}))) as SentRequest['body'],
      headers: request.headers,
    });
    return HttpResponse.json(errorBody('invalid_request_error', 'unexpected'), { status: 400 });
  });
  return { handler, requests };
}

/** A release switch for a held stream. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
