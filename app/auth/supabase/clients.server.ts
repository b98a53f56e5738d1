import {
  createServerClient,
  parseCookieHeader,
  serializeCookieHeader,
  type CookieOptions,
} from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { SupabaseConfig } from '~/config.server';
import { isLocalDevelopment } from '~/http/security.server';
import { SESSION_DAYS, sessionCookieName } from '../local/sessions.server';

// The three Supabase clients the adapter uses (docs/decisions/021):
// - `sessionClient`: per request, reads and writes the session cookie (@supabase/ssr);
// - `statelessClient`: no storage, implicit flow, for the calls that only send an email or check
//   a password, so that no PKCE verifier cookie is ever set (@supabase/ssr always uses PKCE and
//   would leave three 400-day verifier cookies behind each of them);
// - `adminClient`: the secret key, only for deleting and updating accounts. It never reaches a
//   browser: nothing it answers is sent on.

/** How long one call to Supabase Auth may take; auth-js has no timeout of its own. */
export const SUPABASE_TIMEOUT_MS = 8_000;

/** The session cookie's lifetime, as local accounts (the library would say 400 days). */
const SESSION_COOKIE_SECONDS = SESSION_DAYS * 24 * 60 * 60;
/** A Google sign-in's PKCE verifier only has to last until Google sends the person back. */
export const VERIFIER_COOKIE_SECONDS = 10 * 60;

// supabase-js builds a realtime client it never uses here; on Node 20 (tests) it throws unless
// given a WebSocket class. workerd has one; this stand-in is never constructed.
class NoRealtimeSocket {
  constructor() {
    throw new Error('JobTrack never opens a Supabase realtime connection');
  }
}

const timedFetch: typeof fetch = (input, init) =>
  fetch(input, { ...init, signal: AbortSignal.timeout(SUPABASE_TIMEOUT_MS) });

const common = {
  realtime: { transport: NoRealtimeSocket as unknown as typeof WebSocket },
  global: { fetch: timedFetch },
};

/** A Set-Cookie that removes a Google sign-in's PKCE verifier cookie. */
export const clearedVerifierCookie = (request: Request) =>
  clearedSessionCookie(request, '-code-verifier');

/** A client that keeps no session: sign-up, sign-in links, resets and password checks. */
export function statelessClient(config: SupabaseConfig): SupabaseClient {
  return createClient(config.url, config.publishableKey, {
    ...common,
    auth: {
      flowType: 'implicit',
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
  });
}

/** The secret-key client: server-side account administration only. */
export function adminClient(config: SupabaseConfig): SupabaseClient {
  return createClient(config.url, config.secretKey, {
    ...common,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

/**
 * A per-request client on the session cookie, and the headers its cookie changes need;
 * `{ session: false }` leaves out the session cookie (a session made only to be refused).
 */
export type SessionClient = {
  client: SupabaseClient;
  headers: (options?: { session?: boolean }) => Headers;
};

/**
 * The session client for this request. The cookie is named like local accounts' (`__Host-`
 * prefixed over https), HttpOnly, SameSite=Lax, and holds only the tokens (one cookie, never
 * chunked). Every cookie change of the request is collected; `headers()` gives the last value of
 * each cookie and the no-cache headers the library asks for.
 */
export function sessionClient(config: SupabaseConfig, request: Request): SessionClient {
  const name = sessionCookieName(request);
  const cookieOptions: CookieOptions & { name: string } = {
    name,
    httpOnly: true,
    secure: !isLocalDevelopment(request),
    sameSite: 'lax',
    path: '/',
  };
  const cookies = new Map<string, string>();
  const extra = new Headers();
  const client = createServerClient(config.url, config.publishableKey, {
    ...common,
    cookieOptions,
    cookies: {
      encode: 'tokens-only',
      getAll: () =>
        parseCookieHeader(request.headers.get('Cookie') ?? '').map((c) => ({
          name: c.name,
          value: c.value ?? '',
        })),
      setAll(changes, headers) {
        for (const { name: cookie, value, options } of changes) {
          // auth-js keeps each PKCE flow's verifier three times (a per-flow slot, an index of
          // flows, and the single legacy slot); without a flow id the callback reads only the
          // legacy slot, so that one cookie is all a Google sign-in needs (docs/decisions/022).
          if (cookie !== name && cookie !== `${name}-code-verifier`) continue;
          const removal = options.maxAge === 0 || value === '';
          const maxAge = removal
            ? 0
            : cookie === name
              ? SESSION_COOKIE_SECONDS
              : VERIFIER_COOKIE_SECONDS;
          cookies.set(cookie, serializeCookieHeader(cookie, value, { ...options, maxAge }));
        }
        for (const [key, value] of Object.entries(headers ?? {})) extra.set(key, value);
      },
    },
  });
  return {
    client,
    headers({ session = true } = {}) {
      const out = new Headers(extra);
      for (const [cookie, value] of cookies) {
        if (session || cookie !== name) out.append('Set-Cookie', value);
      }
      return out;
    },
  };
}

/** A Set-Cookie that removes this request's session cookie (for when the library wrote none). */
export function clearedSessionCookie(request: Request, suffix = ''): string {
  return serializeCookieHeader(`${sessionCookieName(request)}${suffix}`, '', {
    path: '/',
    httpOnly: true,
    secure: !isLocalDevelopment(request),
    sameSite: 'lax',
    maxAge: 0,
  });
}
