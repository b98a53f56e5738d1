import type { AppLoadContext } from '@remix-run/cloudflare';
import { createLocalAuth } from './local/adapter.server';
import { notConfiguredAuth } from './not-configured.server';
import type { AuthPort } from './port';

/** The auth adapter this deployment's configuration (AUTH_MODE) chooses. */
export function authFor(context: AppLoadContext): AuthPort {
  switch (context.config.authMode) {
    case 'local':
      return createLocalAuth(context);
    case 'supabase':
      // The Supabase adapter is its own issue; until then, say so plainly on every call.
      return notConfiguredAuth('supabase');
  }
}
