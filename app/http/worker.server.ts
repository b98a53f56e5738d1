import { createRequestHandler, type ServerBuild } from '@remix-run/cloudflare';
import { buildLoadContext } from '../../load-context';
import { configFor } from '../config.server';
import { localModeRefusal } from './local-mode.server';
import { withRefreshedSession } from '../auth/supabase/refreshed-session.server';
import { sweepUnfinishedGoogleAccounts } from '../auth/supabase/sweep.server';
import { googleFormTargets, rejectCrossOrigin, withSecurityHeaders } from './security.server';

/**
 * The Worker for a Remix server build: local mode's localhost rule, the Origin check, a
 * per-request context and database client (closed after the response), and the security headers;
 * and its daily cron (wrangler.toml `[triggers]`). server.ts serves the app's own build with it;
 * the benchmark and the load run serve builds of their own.
 */
export function workerFor(build: ServerBuild): {
  fetch: NonNullable<ExportedHandler<Env>['fetch']>;
  scheduled: NonNullable<ExportedHandler<Env>['scheduled']>;
} {
  const handleRemixRequest = createRequestHandler(build);
  return {
    async fetch(request, env, ctx) {
      const nonce = crypto.randomUUID().replace(/-/g, '');
      const config = configFor(env);
      const headerOptions = {
        formTargets: googleFormTargets(config),
        analyticsHost: config.analytics?.host ?? null,
      };
      const refused = localModeRefusal(request, config) ?? rejectCrossOrigin(request);
      if (refused) return withSecurityHeaders(request, refused, nonce, headerOptions);

      const { context, close } = buildLoadContext({ env, ctx }, config, nonce);
      try {
        const response = withRefreshedSession(context, await handleRemixRequest(request, context));
        return withSecurityHeaders(request, response, nonce, headerOptions);
      } finally {
        ctx.waitUntil(close());
      }
    },

    async scheduled(_controller, env, ctx) {
      const { context, close } = buildLoadContext({ env, ctx }, configFor(env), '');
      try {
        await sweepUnfinishedGoogleAccounts(context);
      } finally {
        ctx.waitUntil(close());
      }
    },
  };
}
