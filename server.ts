import { createRequestHandler, type ServerBuild } from '@remix-run/cloudflare';
// @ts-ignore: the server build exists only after `remix vite:build` (npm start and CI build first).
import * as build from './build/server';
import { buildLoadContext } from './load-context';
import { parseConfig } from './app/config.server';
import { localModeRefusal } from './app/http/local-mode.server';
import { rejectCrossOrigin, withSecurityHeaders } from './app/http/security.server';

// Through unknown: a resource route (no default export) makes the built module look unlike ServerBuild.
const handleRemixRequest = createRequestHandler(build as unknown as ServerBuild);

export default {
  async fetch(request, env, ctx) {
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const config = parseConfig(env);
    const analyticsHost = config.analytics?.host ?? null;
    const refused = localModeRefusal(request, config) ?? rejectCrossOrigin(request);
    if (refused) return withSecurityHeaders(request, refused, nonce, analyticsHost);

    const { context, close } = buildLoadContext({ env, ctx }, nonce);
    try {
      const response = await handleRemixRequest(request, context);
      return withSecurityHeaders(request, response, nonce, analyticsHost);
    } finally {
      ctx.waitUntil(close());
    }
  },
} satisfies ExportedHandler<Env>;
