import {
  vitePlugin as remix,
  cloudflareDevProxyVitePlugin as remixCloudflareDevProxy,
} from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';
import { getLoadContext } from './load-context';

declare module '@remix-run/cloudflare' {
  interface Future {
    v3_singleFetch: true;
  }
}

/** Remix's future flags; test/support/server-build.ts compiles the app for tests with the same. */
export const remixFuture = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_singleFetch: true,
  v3_lazyRouteDiscovery: true,
} as const;

export default defineConfig(({ command }) => ({
  plugins: [
    remixCloudflareDevProxy({
      getLoadContext,
      // `npm run dev` passes settings from its environment this way (db/worker-env.ts).
      envFiles: process.env.JOBTRACK_WORKER_ENV_FILES
        ? (JSON.parse(process.env.JOBTRACK_WORKER_ENV_FILES) as string[])
        : undefined,
    }),
    remix({
      // The benchmark, the load run and the browser tests build into folders of their own, so a
      // running `npm start` (which serves build/) is never rebuilt underneath.
      buildDirectory: process.env.JOBTRACK_BUILD_DIR ?? 'build',
      future: remixFuture,
    }),
    tsconfigPaths(),
  ],
  ssr:
    command === 'build'
      ? // The Worker build must pick postgres.js's Cloudflare entry (cloudflare:sockets).
        {
          resolve: {
            conditions: ['workerd', 'worker', 'browser'],
            externalConditions: ['workerd', 'worker'],
          },
        }
      : // `remix vite:dev` runs loaders in Node: bundle postgres.js with its Node entry.
        { noExternal: ['postgres'] },
  build: { minify: true },
}));
