import { readFileSync } from 'node:fs';

/** One `[[ratelimits]]` binding as wrangler.toml declares it. */
export type LimiterConfig = { limit: number; period: number };

/** The `[[ratelimits]]` bindings of wrangler.toml, by name: the limits the deployment runs with. */
export function declaredLimiters(): Record<string, LimiterConfig> {
  const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8');
  const found: Record<string, LimiterConfig> = {};
  for (const block of toml.split('[[ratelimits]]').slice(1)) {
    const name = /^\s*name\s*=\s*"(\w+)"/m.exec(block)?.[1];
    const simple = /simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*(\d+)\s*\}/.exec(block);
    if (name && simple) found[name] = { limit: Number(simple[1]), period: Number(simple[2]) };
  }
  return found;
}

/**
 * An in-memory stand-in for Cloudflare's Rate Limiting binding (`env.X.limit({ key })` answers
 * `{ success }`), shaped on its documented behaviour: at most `limit` calls per key in each
 * `period` seconds. Cloudflare's counting is approximate and per location; this one is exact.
 */
export class FakeRateLimiter implements RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly config: LimiterConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async limit({ key }: RateLimitOptions): Promise<RateLimitOutcome> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.config.period * 1000) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { success: window.count <= this.config.limit };
  }

  /** The keys this limiter was asked about (to check what the app sends Cloudflare). */
  keys() {
    return [...this.windows.keys()];
  }
}

/** A fresh pair of stand-ins with wrangler.toml's limits, as `env` bindings. */
export function fakeLimiters() {
  const declared = declaredLimiters();
  const make = (name: string) => {
    const config = declared[name];
    if (!config) throw new Error(`wrangler.toml declares no [[ratelimits]] binding ${name}`);
    return new FakeRateLimiter(config);
  };
  return { PASSWORD_LIMITER: make('PASSWORD_LIMITER'), EMAIL_LIMITER: make('EMAIL_LIMITER') };
}
