import { createRequestHandler, type ServerBuild } from '@remix-run/cloudflare';
// @ts-ignore: the server build exists only after `remix vite:build` (npm start and CI build first).
import * as build from './build/server';
import { buildLoadContext } from './load-context';
import { parseConfig } from './app/config.server';
import { localModeRefusal } from './app/http/local-mode.server';
import {
  googleFormTargets,
  rejectCrossOrigin,
  withSecurityHeaders,
} from './app/http/security.server';
import { withRefreshedSession } from './app/auth/supabase/refreshed-session.server';

// Through unknown: a resource route (no default export) makes the built module look unlike ServerBuild.
const handleRemixRequest = createRequestHandler(build as unknown as ServerBuild);

export default {
  async fetch(request, env, ctx) {
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const config = parseConfig(env);
    const headerOptions = {
      formTargets: googleFormTargets(config),
      analyticsHost: config.analytics?.host ?? null,
    };
    const refused = localModeRefusal(request, config) ?? rejectCrossOrigin(request);
    if (refused) return withSecurityHeaders(request, refused, nonce, headerOptions);

    const { context, close } = buildLoadContext({ env, ctx }, nonce);
    try {
      const response = withRefreshedSession(context, await handleRemixRequest(request, context));
      return withSecurityHeaders(request, response, nonce, headerOptions);
    } finally {
      ctx.waitUntil(close());
    }
  },
} satisfies ExportedHandler<Env>;
