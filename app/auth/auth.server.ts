import type { AppLoadContext } from '@remix-run/cloudflare';
import { withAccountRules } from './account-rules.server';
import { createLocalAuth } from './local/adapter.server';
import { notConfiguredAuth } from './not-configured.server';
import type { AuthPort } from './port';

/** The auth adapter this deployment's configuration (AUTH_MODE) chooses, under the account rules. */
export function authFor(context: AppLoadContext): AuthPort {
  switch (context.config.authMode) {
    case 'local':
      return withAccountRules(createLocalAuth(context), context);
    case 'supabase':
      // The Supabase adapter is its own issue; until then, every call says so plainly.
      return notConfiguredAuth('supabase');
  }
}
