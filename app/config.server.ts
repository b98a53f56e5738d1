import { z } from 'zod';

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
});

/** How long one SQL statement may run before PostgreSQL cancels it (and the page answers 503). */
export const STATEMENT_TIMEOUT_MS = 5_000;

export type Config = {
  authMode: 'local' | 'supabase';
  /** Applied to every transaction by `asUser` and `asServer`; tests lower it, never the code path. */
  statementTimeoutMs: number;
  /** Cloudflare's per-client counters (see app/auth/limits.server.ts). */
  limiters: { password: RateLimit; email: RateLimit };
};

/** Parses the Worker's environment once per request; names the variable that is wrong. */
export function parseConfig(env: object): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration error in ${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    authMode: result.data.AUTH_MODE,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    limiters: { password: result.data.PASSWORD_LIMITER, email: result.data.EMAIL_LIMITER },
  };
}
