import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/cloudflare';
import { rejectCrossOrigin } from '~/http/security.server';

export const ORIGIN = 'http://localhost:8787';

type Fields = Record<string, string | string[]>;

/**
 * Who sends a request: the session cookie, and the client's address as Cloudflare would report it
 * (CF-Connecting-IP), for the per-client limits.
 */
export type Sender = { cookie?: string; client?: string };

function senderHeaders({ cookie, client }: Sender) {
  const headers = new Headers();
  if (cookie) headers.set('Cookie', cookie);
  if (client) headers.set('CF-Connecting-IP', client);
  return headers;
}

/** A real form POST as a browser on JobTrack would send it (same-origin unless told otherwise). */
export function formPost(
  path: string,
  fields: Fields,
  opts: Sender & { origin?: string | null } = {},
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
  const headers = senderHeaders(opts);
  headers.set('Content-Type', 'application/x-www-form-urlencoded');
  if (opts.origin !== null) headers.set('Origin', opts.origin ?? ORIGIN);
  return new Request(new URL(path, ORIGIN), { method: 'POST', body, headers });
}

/** A GET as a browser would send it. */
export function get(path: string, opts: Sender = {}) {
  return new Request(new URL(path, ORIGIN), { headers: senderHeaders(opts) });
}

/** `request` as a browser sends a page it navigates to (not a data request from JavaScript). */
export function asDocument(request: Request) {
  const headers = new Headers(request.headers);
  headers.set('Sec-Fetch-Dest', 'document');
  return new Request(request, { headers });
}

export type Outcome = { status: number; headers: Headers; data: any };

async function settleOutcome(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) throw thrown;
  }
  if (value instanceof Response) {
    const type = value.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await value.json() : await value.text();
    return { status: value.status, headers: value.headers, data };
  }
  if (isDataWithInit(value)) {
    return {
      status: value.init?.status ?? 200,
      headers: new Headers(value.init?.headers),
      data: value.data,
    };
  }
  return { status: 200, headers: new Headers(), data: value };
}

function isDataWithInit(v: unknown): v is { data: unknown; init?: ResponseInit } {
  return (
    typeof v === 'object' && v !== null && (v as { type?: string }).type === 'DataWithResponseInit'
  );
}

type Args = {
  params?: Record<string, string>;
  context: AppLoadContext;
  /** Use `context` itself, as the loaders of one request do, rather than a per-call copy. */
  shared?: boolean;
};

/**
 * Calls a route's action as the Worker would: the same Origin check first, then the action.
 * Thrown or returned redirects and `data()` results all come back as one Outcome.
 */
export function runAction(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  { params = {}, context, shared }: Args,
) {
  return settleOutcome(async () => {
    const forbidden = rejectCrossOrigin(request);
    if (forbidden) return forbidden;
    // The Worker builds a fresh context per request; a copy keeps per-request caches per request.
    return action({ request, params, context: shared ? context : { ...context } });
  });
}

/** Calls a route's loader with a real Request. */
export function runLoader(
  loader: (args: LoaderFunctionArgs) => Promise<unknown>,
  request: Request,
  { params = {}, context, shared }: Args,
) {
  return settleOutcome(() =>
    loader({ request, params, context: shared ? context : { ...context } }),
  );
}

/** The cookie header a browser would send back after this Set-Cookie. */
export function cookieFrom(outcome: Outcome): string {
  const setCookie = outcome.headers.get('Set-Cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

/**
 * A form posted without JavaScript, as Remix serves it: the action, then the route's loader for the
 * page it renders, both given the same context object (as in one Worker request).
 */
export async function runDocumentPost(
  route: {
    action: (args: ActionFunctionArgs) => Promise<unknown>;
    loader: (args: LoaderFunctionArgs) => Promise<unknown>;
  },
  request: Request,
  { params = {}, context }: Args,
) {
  const shared = { ...context };
  const loaderRequest = new Request(request.url, { headers: request.headers });
  const action = await settleOutcome(async () => {
    const forbidden = rejectCrossOrigin(request);
    if (forbidden) return forbidden;
    return route.action({ request, params, context: shared });
  });
  const loader = await settleOutcome(() =>
    route.loader({ request: loaderRequest, params, context: shared }),
  );
  return { action, loader };
}
