import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/cloudflare';
import { connect } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createDb } from '#db/client';
import { loader as rootLoader } from '~/root';
import { makeContext } from './context';
import { runAction, runLoader, type Outcome } from './http';
import { startWireCounter, type WireCounter, type WireCounts } from './wire-counter';

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

// Nagle's algorithm would hold back the second piece of a pipeline that postgres.js writes in two
// (it writes at once past 1 KiB) until the first is acknowledged: a transport delay, not a round
// trip, but one the counter could not tell from a wait. The Worker's sockets are not Node's.
function noDelaySocket(options: { host: string[]; port: number[] }) {
  const socket = connect({ host: options.host[0], port: options.port[0]!, noDelay: true });
  return socket;
}

/**
 * A wire counter in front of this file's test database. Each `request` runs on a fresh client (as
 * the Worker makes one per request) and answers with the request's outcome and its counts.
 */
export function setupRoundTripCounter(db: { url: string }) {
  let counter: WireCounter;
  beforeAll(async () => {
    const url = new URL(db.url);
    counter = await startWireCounter({ host: url.hostname, port: Number(url.port) });
  });
  afterAll(() => counter?.close());

  async function measure<T>(
    run: (context: AppLoadContext) => Promise<T>,
  ): Promise<{ outcome: T; counts: WireCounts }> {
    const handle = createDb(counter.urlFor(db.url), { socket: noDelaySocket } as object);
    const { context } = makeContext(handle);
    counter.reset();
    try {
      const outcome = await run(context);
      return { outcome, counts: counter.counts() };
    } finally {
      await handle.close();
    }
  }

  return {
    /** A document GET as Remix runs it: the root loader and the page's loader at once, one context. */
    page: (loader: Loader | null, request: Request, params: Record<string, string> = {}) =>
      measure(async (context) => {
        const [root, page] = await Promise.all([
          runLoader(rootLoader, request.clone() as Request, { context, params, shared: true }),
          loader
            ? runLoader(loader, request, { context, params, shared: true })
            : { status: 200, headers: new Headers(), data: null },
        ]);
        return { root, page } as { root: Outcome; page: Outcome };
      }),
    /** A download (a resource route's GET): its loader alone, as no root loader runs for it. */
    download: (loader: Loader, request: Request, params: Record<string, string> = {}) =>
      measure((context) => runLoader(loader, request, { context, params, shared: true })),
    /**
     * A form POST without JavaScript whose answer is a page: the action, then the root's and the
     * page's loaders at once, all with one context (as Remix runs a document request).
     */
    documentPost: (
      route: { action: Parameters<typeof runAction>[0]; loader: Loader },
      request: Request,
      params: Record<string, string> = {},
    ) =>
      measure(async (context) => {
        const after = new Request(request.url, { headers: request.headers });
        const args = { context, params, shared: true };
        const action = await runAction(route.action, request, args);
        const [root, page] = await Promise.all([
          runLoader(rootLoader, after.clone() as Request, args),
          runLoader(route.loader, after, args),
        ]);
        return { action, root, page };
      }),
    /**
     * Holds the database's answers `ms` back from now on (5 ms by default). A flight that
     * postgres.js writes in many pieces (an import's thousands of rows) can take longer than
     * 5 ms to leave on a loaded machine; answers held longer keep its late pieces in one flight,
     * and a statement that really waits for an answer still counts a trip of its own.
     */
    setLatency: (ms: number) => counter.setLatency(ms),
    /** Server work outside a loader or action (a draft being saved in the background, say). */
    work: <T>(run: (context: AppLoadContext) => Promise<T>) => measure(run),
    /** A form POST: the action alone (a redirect ends the request). */
    action: (
      action: Parameters<typeof runAction>[0],
      request: Request,
      params: Record<string, string> = {},
    ) => measure((context) => runAction(action, request, { context, params, shared: true })),
  };
}
