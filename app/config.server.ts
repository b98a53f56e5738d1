import { z } from 'zod';
import { DEFAULT_MODEL, type AnthropicConfig } from './statements/anthropic.server';

const optional = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

const limiter = (name: string) =>
  z.custom<RateLimit>(
    (value) => typeof (value as RateLimit | undefined)?.limit === 'function',
    `${name} is missing: it is a [[ratelimits]] binding in wrangler.toml.`,
  );

const EnvSchema = z.object({
  AUTH_MODE: z.enum(['local', 'supabase'], {
    message: 'AUTH_MODE must be "local" or "supabase" (wrangler.toml [vars]).',
  }),
  PASSWORD_LIMITER: limiter('PASSWORD_LIMITER'),
  EMAIL_LIMITER: limiter('EMAIL_LIMITER'),
  // Statement Builder: the key is a secret (`wrangler secret put`, or the environment of `npm
  // start`); without it the builder says it is not configured.
  ANTHROPIC_API_KEY: optional,
  ANTHROPIC_BASE_URL: optional.pipe(
    z.string().url('ANTHROPIC_BASE_URL must be a URL, like https://api.anthropic.com').optional(),
  ),
  ANTHROPIC_MODEL: optional,
  // Analytics: PostHog's public project key; without it nothing loads and the CSP allows no
  // analytics host.
  POSTHOG_KEY: optional,
  // The host goes into the CSP and the page's script, so only a bare origin is taken.
  POSTHOG_HOST: optional.pipe(
    z
      .string()
      .refine(
        isAnalyticsOrigin,
        'POSTHOG_HOST must be an https:// origin with no path, query or user, like https://eu.i.posthog.com (http:// only for localhost)',
      )
      .optional(),
  ),
  STATEMENT_GENERATIONS_PER_HOUR: z.coerce
    .number({ message: 'STATEMENT_GENERATIONS_PER_HOUR must be a number' })
    .int()
    .min(1, 'STATEMENT_GENERATIONS_PER_HOUR must be at least 1')
    .default(20),
  STATEMENT_GENERATIONS_PER_DAY: z.coerce
    .number({ message: 'STATEMENT_GENERATIONS_PER_DAY must be a number' })
    .int()
    .min(1, 'STATEMENT_GENERATIONS_PER_DAY must be at least 1')
    .default(60),
  // Supabase Auth (AUTH_MODE=supabase): the project URL and publishable key may reach browsers;
  // the secret key is a Worker secret (`wrangler secret put SUPABASE_SECRET_KEY`) and never does.
  SUPABASE_URL: optional.pipe(
    z.string().url('SUPABASE_URL must be a URL, like https://abcdefgh.supabase.co').optional(),
  ),
  SUPABASE_PUBLISHABLE_KEY: optional,
  SUPABASE_SECRET_KEY: optional,
  GOOGLE_SIGN_IN: optional.pipe(
    z.enum(['on', 'off'], { message: 'GOOGLE_SIGN_IN must be "on" or "off"' }).default('off'),
  ),
});

/** What the Supabase adapter needs; present exactly when AUTH_MODE is "supabase". */
export type SupabaseConfig = {
  /** The project URL, e.g. https://abcdefgh.supabase.co (Auth lives under /auth/v1). */
  url: string;
  /** The publishable (anon) key: safe in a browser, used for every call made for a person. */
  publishableKey: string;
  /** The secret (service-role) key: server-only, used for nothing but deleting an account. */
  secretKey: string;
  /** Whether "Sign in with Google" is offered (the provider must be enabled in Supabase too). */
  google: boolean;
};

/** How long one SQL statement may run before PostgreSQL cancels it (and the page answers 503). */
export const STATEMENT_TIMEOUT_MS = 5_000;

/**
 * True for a bare https origin with a plain host name (optional port); http only on loopback,
 * where the tests' fake PostHog runs.
 */
function isAnalyticsOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return (
    (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) &&
    /^[a-z0-9.-]+$/.test(url.hostname) &&
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    /^https?:\/\/[^/?#]+\/?$/.test(value)
  );
}

/** PostHog's EU host, used when POSTHOG_HOST is not set. */
export const DEFAULT_POSTHOG_HOST = 'https://eu.i.posthog.com';

/** What the browser needs to send anonymous analytics; both values are public. */
export type AnalyticsSettings = { key: string; host: string };

export type Config = {
  authMode: 'local' | 'supabase';
  /** Applied to every transaction by `asUser` and `asServer`; tests lower it, never the code path. */
  statementTimeoutMs: number;
  /** Cloudflare's per-client counters (see app/auth/limits.server.ts). */
  limiters: { password: RateLimit; email: RateLimit };
  /** Null when no API key is configured: the Statement Builder then says so. */
  anthropic: AnthropicConfig | null;
  /** Generations each person may start in any 60 minutes. */
  statementGenerationsPerHour: number;
  /** Generations each person may start in any 24 hours (the Anthropic bill's ceiling per person). */
  statementGenerationsPerDay: number;
  /** Null in local mode. */
  supabase: SupabaseConfig | null;
  /** Null without POSTHOG_KEY: then no analytics load and the CSP names no analytics host. */
  analytics: AnalyticsSettings | null;
};

const SUPABASE_VARIABLES = [
  'SUPABASE_URL',
  'SUPABASE_PUBLISHABLE_KEY',
  'SUPABASE_SECRET_KEY',
] as const;

const parsed = new WeakMap<object, Config>();

/**
 * The configuration of `env`, parsed on its first request only: workerd hands every request of an
 * isolate the same env object, and parsing it with zod cost more Worker CPU than rendering the
 * privacy page (measured with `npm run bench -- --times`). A wrong setting still fails every request.
 */
export function configFor(env: object): Config {
  const known = parsed.get(env);
  if (known) return known;
  const config = parseConfig(env);
  // Shared by every request of the isolate, so no request may change it for the others. Its
  // groups are frozen, not what they hold (the rate limiters are Cloudflare's bindings).
  for (const group of Object.values(config))
    if (group && typeof group === 'object') Object.freeze(group);
  parsed.set(env, Object.freeze(config));
  return config;
}

/** Parses the Worker's environment; names the variable that is wrong. */
export function parseConfig(env: object): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration error in ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = result.data;
  const missing = SUPABASE_VARIABLES.filter((name) => !e[name]);
  if (e.AUTH_MODE === 'supabase' && missing.length > 0) {
    throw new Error(
      `Configuration error: AUTH_MODE is "supabase" but ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} missing (see README, "Accounts in Supabase").`,
    );
  }
  return {
    authMode: e.AUTH_MODE,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    limiters: { password: e.PASSWORD_LIMITER, email: e.EMAIL_LIMITER },
    anthropic: e.ANTHROPIC_API_KEY
      ? {
          apiKey: e.ANTHROPIC_API_KEY,
          baseUrl: e.ANTHROPIC_BASE_URL ?? null,
          model: e.ANTHROPIC_MODEL ?? DEFAULT_MODEL,
        }
      : null,
    statementGenerationsPerHour: e.STATEMENT_GENERATIONS_PER_HOUR,
    statementGenerationsPerDay: e.STATEMENT_GENERATIONS_PER_DAY,
    supabase:
      e.AUTH_MODE === 'supabase'
        ? {
            url: e.SUPABASE_URL!.replace(/\/+$/, ''),
            publishableKey: e.SUPABASE_PUBLISHABLE_KEY!,
            secretKey: e.SUPABASE_SECRET_KEY!,
            google: e.GOOGLE_SIGN_IN === 'on',
          }
        : null,
    analytics: e.POSTHOG_KEY
      ? { key: e.POSTHOG_KEY, host: new URL(e.POSTHOG_HOST ?? DEFAULT_POSTHOG_HOST).origin }
      : null,
  };
}
