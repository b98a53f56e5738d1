import * as z from 'zod/v4-mini';

const EnvSchema = z.object({
  AUTH_MODE: z.enum(['local', 'supabase'], {
    error: 'AUTH_MODE must be "local" or "supabase" (wrangler.toml [vars]).',
  }),
});

/** How long one SQL statement may run before PostgreSQL cancels it (and the page answers 503). */
export const STATEMENT_TIMEOUT_MS = 5_000;

export type Config = {
  authMode: 'local' | 'supabase';
  /** Applied to every transaction by `asUser` and `asServer`; tests lower it, never the code path. */
  statementTimeoutMs: number;
};

/** Parses the Worker's environment once per request; names the variable that is wrong. */
export function parseConfig(env: object): Config {
  const result = z.safeParse(EnvSchema, env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration error in ${issue.path.join('.')}: ${issue.message}`);
  }
  return { authMode: result.data.AUTH_MODE, statementTimeoutMs: STATEMENT_TIMEOUT_MS };
}
