/**
 * The per-request cost of reading who is signed in, in Supabase mode: a fresh session client (as
 * every request builds) and `getClaims` (checked with the project's signing key, cached in the
 * isolate) against `getUser` (a round trip to Supabase Auth), both against the fake Supabase Auth
 * served on loopback, so the round trip is the smallest it can be.
 */
import { performance } from 'node:perf_hooks';
import { sessionClient } from '../../app/auth/supabase/clients.server';
import type { SupabaseConfig } from '../../app/config.server';
import { createFakeSupabaseAuth, type FakeSupabaseAuth } from '../../test/mocks/supabase/fake-auth';
import { serveFakeSupabase } from '../../test/mocks/supabase/http-server';

const SITE = 'http://localhost:8787';

/** Median, p90 and Supabase requests per call of getClaims and getUser, over `samples` calls each. */
export async function measureSupabaseSession(samples: number) {
  let fake: FakeSupabaseAuth | undefined;
  const server = await serveFakeSupabase(() => fake!);
  try {
    fake = await createFakeSupabaseAuth({
      url: server.url,
      publishableKey: 'sb_publishable_bench',
      secretKey: 'sb_secret_bench',
      siteUrl: SITE,
      maxFrequencySec: 0,
    });
    const config: SupabaseConfig = {
      url: server.url,
      publishableKey: 'sb_publishable_bench',
      secretKey: 'sb_secret_bench',
      google: false,
    };
    const api = (path: string, body: object) =>
      fake!.handle(
        new Request(`${server.url}/auth/v1${path}`, {
          method: 'POST',
          headers: { apikey: config.publishableKey, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const email = 'bench@example.com';
    await api('/signup', { email, password: 'bench password one' });
    const tokenHash = fake.emailsTo(email)[0]!.tokenHash;
    const tokens = (await (
      await api('/verify', { type: 'signup', token_hash: tokenHash })
    ).json()) as {
      access_token: string;
      refresh_token: string;
    };
    const start = sessionClient(config, new Request(`${SITE}/`));
    await start.client.auth.setSession(tokens);
    const cookie = start.headers().getSetCookie()[0]!.split(';')[0]!;

    const measure = async (read: (s: ReturnType<typeof sessionClient>) => Promise<unknown>) => {
      const times: number[] = [];
      const before = fake!.state.requests.length;
      for (let i = 0; i < samples + 10; i++) {
        const t0 = performance.now();
        await read(sessionClient(config, new Request(`${SITE}/`, { headers: { Cookie: cookie } })));
        if (i >= 10) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const at = (p: number) =>
        times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
      const requests = (fake!.state.requests.length - before) / (samples + 10);
      return { median: at(50), p90: at(90), requests };
    };
    return {
      getClaims: await measure((s) => s.client.auth.getClaims()),
      getUser: await measure((s) => s.client.auth.getUser()),
    };
  } finally {
    await server.stop();
  }
}
