// The fake Supabase Auth as a real HTTP server on 127.0.0.1, for what MSW cannot reach (workerd in
// the browser tests, the benchmark's per-request clients). Same fake, same answers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSupabaseAuth } from './fake-auth';

/** Serves `fake` on a free loopback port; `url` is the project URL to configure. */
export async function serveFakeSupabase(fake: () => FakeSupabaseAuth) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value);
    }
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    const response = await fake().handle(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
