import { z } from 'zod';

const EnvSchema = z.object({
  AUTH_MODE: z.enum(['local', 'supabase'], {
    message: 'AUTH_MODE must be "local" or "supabase" (wrangler.toml [vars]).',
  }),
});

export type Config = {
  authMode: 'local' | 'supabase';
};

/** Parses the Worker's environment once per request; names the variable that is wrong. */
export function parseConfig(env: object): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration error in ${issue.path.join('.')}: ${issue.message}`);
  }
  return { authMode: result.data.AUTH_MODE };
}
