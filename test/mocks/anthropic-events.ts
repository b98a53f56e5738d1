// Anthropic's streaming Messages API, event by event, in the shapes the real API sends (checked
// against the SDK's own fixtures: anthropics/anthropic-sdk-typescript tests/fixtures/*.sse, and
// the streaming and errors pages of Anthropic's documentation). Shared by the MSW handlers and the
// fake server the browser tests run against.

/** One server-sent event as it travels on the wire. */
export function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function messageStart(model: string, inputTokens = 812) {
  return sse('message_start', {
    type: 'message_start',
    message: {
      id: `msg_${Math.random().toString(36).slice(2, 14)}`,
      type: 'message',
      role: 'assistant',
      content: [],
      model,
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: inputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 1,
      },
    },
  });
}

export const textBlockStart = () =>
  sse('content_block_start', {
    type: 'content_block_start',
    index: 0,
    content_block: { type: 'text', text: '' },
  });

export const ping = () => sse('ping', { type: 'ping' });

export const textDelta = (text: string) =>
  sse('content_block_delta', {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'text_delta', text },
  });

export const blockStop = () => sse('content_block_stop', { type: 'content_block_stop', index: 0 });

export const messageDelta = (stopReason: 'end_turn' | 'max_tokens', outputTokens: number) =>
  sse('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: outputTokens },
  });

export const messageStop = () => sse('message_stop', { type: 'message_stop' });

export type ErrorType =
  | 'overloaded_error'
  | 'api_error'
  | 'rate_limit_error'
  | 'authentication_error'
  | 'invalid_request_error';

/** The `error` event Anthropic may send part-way through a stream. */
export const errorEvent = (type: ErrorType = 'overloaded_error', message = 'Overloaded') =>
  sse('error', { type: 'error', error: { type, message } });

/** The JSON body of an HTTP error answer (429, 529, 500, 401…). */
export const errorBody = (type: ErrorType, message: string) => ({
  type: 'error',
  error: { type, message },
  request_id: `req_${Math.random().toString(36).slice(2, 14)}`,
});

/** Splits text into word-sized pieces with their spaces, as Claude's deltas arrive. */
export function pieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
