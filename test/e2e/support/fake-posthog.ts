/**
 * A small fake of PostHog's ingestion endpoint on 127.0.0.1 for the browser tests: the pages'
 * posthog-js sends here (POSTHOG_HOST), and the tests read back, decoded, everything it received
 * at GET /__received (POST /__reset empties it). It answers as PostHog does, with CORS, and never
 * sets a cookie.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** One request the fake received: where, whether it carried a cookie, and its body as text. */
export type Received = { method: string; url: string; cookie: string | null; body: string };

/** A request body as text, whatever posthog-js did to it (gzip, base64 form, or plain JSON). */
export function decodeBody(raw: Buffer): string {
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b)
    return gunzipSync(raw).toString('utf8');
  const text = raw.toString('utf8');
  const form = /^data=([^&]*)/.exec(text);
  if (form) {
    const value = decodeURIComponent(form[1]!.replace(/\+/g, ' '));
    return /^[A-Za-z0-9+/=]+$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : value;
  }
  return text;
}

function cors(request: IncomingMessage, response: ServerResponse) {
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader(
    'Access-Control-Allow-Headers',
    request.headers['access-control-request-headers'] ?? 'content-type',
  );
}

export type FakePostHog = { url: string; stop: () => Promise<void> };

/** Starts the fake on a free loopback port. */
export async function startFakePostHog(): Promise<FakePostHog> {
  let received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/__received') {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(received));
        return;
      }
      if (request.url === '/__reset') {
        received = [];
        response.end('{}');
        return;
      }
      cors(request, response);
      if (request.method === 'OPTIONS') {
        response.statusCode = 204;
        response.end();
        return;
      }
      received.push({
        method: request.method ?? 'GET',
        url: request.url ?? '',
        cookie: request.headers.cookie ?? null,
        body: decodeBody(Buffer.concat(chunks)),
      });
      response.setHeader('Content-Type', 'application/json');
      response.end('{"status":1}');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}

/** What the fake has received so far (FAKE_POSTHOG_URL is set by test/e2e/run.ts). */
export async function receivedByPostHog(url = process.env.FAKE_POSTHOG_URL): Promise<Received[]> {
  if (!url)
    throw new Error('FAKE_POSTHOG_URL is not set: run the browser tests with npm run test:e2e');
  return (await fetch(`${url}/__received`)).json() as Promise<Received[]>;
}
