import type { AppLoadContext } from '@remix-run/cloudflare';
import { withAccountRules } from './account-rules.server';
import { createLocalAuth } from './local/adapter.server';
import { createSupabaseAuth } from './supabase/adapter.server';
import type { AuthPort } from './port';

/** The auth adapter this deployment's configuration (AUTH_MODE) chooses, under the account rules. */
export function authFor(context: AppLoadContext): AuthPort {
  switch (context.config.authMode) {
    case 'local':
      return withAccountRules(createLocalAuth(context), context);
    case 'supabase':
      return withAccountRules(createSupabaseAuth(context), context);
  }
}
