/**
 * A small fake of Anthropic's streaming Messages API on 127.0.0.1, for the browser tests and the
 * benchmark: the Worker runs in workerd, out of MSW's reach, and reaches this through
 * ANTHROPIC_BASE_URL. It writes a plausible draft from the request's own blocks (so the pages show
 * the person's words), streams it a word at a time in the real event shapes, and can be told to
 * hold, fail or error part-way. Tests drive it over HTTP at /__control/*.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  blockStop,
  errorBody,
  errorEvent,
  messageDelta,
  messageStart,
  messageStop,
  ping,
  pieces,
  textBlockStart,
  textDelta,
  type ErrorType,
} from '../../mocks/anthropic-events';

/** What the next request should meet. */
export type Script = {
  /** Pause after this many words until POST /__control/release. */
  holdAfter?: number;
  /** Answer with this HTTP error instead of a stream. */
  status?: number;
  errorType?: ErrorType;
  /** Send an `error` event after this many words. */
  errorAfter?: number;
  /** Milliseconds between words (default 8). */
  delayMs?: number;
  /** The draft to send instead of one made from the request. */
  text?: string;
};

export type Recorded = {
  body: { model: string; system: string; messages: Array<{ content: string }>; max_tokens: number };
  /** Epoch milliseconds (sub-millisecond), comparable with the browser's and the database's. */
  receivedAt: number;
  firstTokenAt: number | null;
  lastTokenAt: number | null;
};

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function block(user: string, tag: string): string {
  return new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(user)?.[1]?.trim() ?? '';
}

const firstPerson = (evidence: string) => evidence.replace(/\s+/g, ' ').trim().replace(/\.?$/, '.');

/** A draft in the requested shape, built only from the request's own blocks. */
export function draftFor(user: string): string {
  const job = block(user, 'job_title') || 'this post';
  const employer = block(user, 'employer');
  const at = employer && employer !== '(nothing given)' ? ` at ${employer}` : '';
  const criteria = [
    ...user.matchAll(
      /<criterion number="\d+" category="\w+">\n([\s\S]*?)\n<evidence>\n([\s\S]*?)\n<\/evidence>/g,
    ),
  ];
  if (criteria.length > 0) {
    const sections = criteria.map(([, text, evidence]) =>
      evidence === '(nothing given)'
        ? `${text}\n[Add your own evidence for this criterion.]`
        : `${text}\nMy experience meets this criterion. ${firstPerson(evidence!)} I would bring the same care and organisation to the role.`,
    );
    return [
      `I am applying for the post of ${job}${at}, and I set out below how I meet each criterion.`,
      ...sections,
    ].join('\n\n');
  }
  const behaviours = [
    ...user.matchAll(/<behaviour name="([^"]+)">\n<evidence>\n([\s\S]*?)\n<\/evidence>/g),
  ];
  if (behaviours.length > 0) {
    return behaviours
      .map(
        ([, name, evidence]) =>
          `${name}\nIn my current role I faced a situation that called for this. ${firstPerson(evidence!)} I organised my work, kept colleagues informed and checked progress each week. As a result the work was finished on time and my manager asked me to share the approach.`,
      )
      .join('\n\n');
  }
  const why = block(user, 'why_this_role');
  const experience = block(user, 'experience');
  return [
    'Dear Hiring Manager,',
    `I am applying for the role of ${job}${at}.`,
    why && why !== '(nothing given)' ? firstPerson(why) : '',
    experience ? firstPerson(experience) : '',
    'I would welcome the chance to discuss the role with you.',
    'Yours sincerely,\n[Your name]',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export type FakeAnthropic = {
  url: string;
  stop: () => Promise<void>;
};

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: Recorded[] = [];
  const queue: Script[] = [];
  let release: (() => void) | null = null;
  let held: Promise<void> | null = null;

  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function messages(req: IncomingMessage, res: ServerResponse) {
    const body = JSON.parse(await readBody(req)) as Recorded['body'];
    const record: Recorded = { body, receivedAt: now(), firstTokenAt: null, lastTokenAt: null };
    requests.push(record);
    const script = queue.shift() ?? {};
    if (script.status) {
      const type =
        script.errorType ?? (script.status === 429 ? 'rate_limit_error' : 'overloaded_error');
      res.writeHead(script.status, {
        'Content-Type': 'application/json',
        'request-id': 'req_fake',
        ...(script.status === 429 ? { 'retry-after': '0' } : {}),
      });
      res.end(
        JSON.stringify(errorBody(type, type === 'overloaded_error' ? 'Overloaded' : 'Error')),
      );
      return;
    }
    const words = pieces(script.text ?? draftFor(body.messages[0]?.content ?? ''));
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'request-id': 'req_fake',
    });
    res.write(messageStart(body.model) + textBlockStart() + ping());
    for (const [i, word] of words.entries()) {
      if (script.holdAfter === i) {
        held = new Promise((done) => (release = done));
        await held;
      }
      if (script.errorAfter === i) {
        res.end(errorEvent(script.errorType ?? 'overloaded_error'));
        return;
      }
      if (res.destroyed) return;
      res.write(textDelta(word));
      const at = now();
      record.firstTokenAt ??= at;
      record.lastTokenAt = at;
      // Between words only: the real API ends the message straight after the last one.
      if (i < words.length - 1) await sleep(script.delayMs ?? 8);
    }
    res.end(blockStop() + messageDelta('end_turn', words.length) + messageStop());
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const handle = async () => {
      if (req.method === 'POST' && path === '/v1/messages') return messages(req, res);
      if (req.method === 'POST' && path === '/__control/script') {
        queue.push(JSON.parse(await readBody(req)) as Script);
        return json(res, 200, { queued: queue.length });
      }
      if (req.method === 'POST' && path === '/__control/release') {
        await readBody(req);
        release?.();
        release = null;
        return json(res, 200, { released: true });
      }
      if (req.method === 'POST' && path === '/__control/reset') {
        await readBody(req);
        queue.length = 0;
        requests.length = 0;
        release?.();
        return json(res, 200, { reset: true });
      }
      if (req.method === 'GET' && path === '/__control/requests') return json(res, 200, requests);
      json(res, 404, errorBody('invalid_request_error', `No route ${req.method} ${path}`));
    };
    handle().catch((error) => {
      if (!res.headersSent) json(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        release?.();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The control API, as the browser tests use it. */
export function fakeControl(url = process.env.FAKE_ANTHROPIC_URL) {
  if (!url)
    throw new Error('FAKE_ANTHROPIC_URL is not set: run the browser tests with npm run test:e2e');
  const post = (path: string, body: unknown = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    }).then((r) => r.json());
  return {
    next: (script: Script) => post('/__control/script', script),
    release: () => post('/__control/release'),
    reset: () => post('/__control/reset'),
    requests: async () => (await (await fetch(`${url}/__control/requests`)).json()) as Recorded[],
  };
}
