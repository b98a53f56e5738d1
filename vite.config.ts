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

/**
 * Client chunks (docs/decisions/032). Left to itself Rollup makes a chunk for every set of routes
 * that share a module, so a form page loaded about twenty files, each compressed on its own. Each
 * group below always loads together, so it is one file: the libraries every page runs (React and
 * Remix, apart from our code so that a release leaves them in the browser's cache), the shell (the
 * root route and the small modules it shares with routes), Conform with the form kit that wraps
 * it, and the kit's small parts that pages without a Conform form use too (a sign-out button).
 * Guest mode's layout and the small modules every guest page draws on are one file too
 * (docs/decisions/039). A group takes in the modules it imports that no group names, so the
 * small shared modules it imports that signed-in pages also use (dates, statuses…) are named as
 * groups of their own: otherwise a signed-in page would load the guest layout's file for them.
 */
export const CHUNK_GROUPS: Array<[chunk: string, modules: RegExp]> = [
  [
    'libraries',
    /\/node_modules\/(react|react-dom|scheduler|@remix-run\/react|@remix-run\/router|@remix-run\/server-runtime|react-router|react-router-dom|turbo-stream)\/|vite\/preload-helper/,
  ],
  [
    'shell',
    /\/app\/(root\.tsx|components\/hydrated\.ts|guest\/mode\.ts|analytics\/posthog\.client\.ts)$/,
  ],
  [
    'guest-layout',
    /\/app\/guest\/(storage|paths|handling|downloads|not-found|banner|preload)\.tsx?$/,
  ],
  ['dates', /\/app\/applications\/dates\.ts$/],
  ['list-query', /\/app\/applications\/list-query\.ts$/],
  ['statuses', /\/app\/applications\/statuses\.ts$/],
  ['format-limits', /\/app\/portability\/format-limits\.ts$/],
  ['form-parts', /\/app\/components\/forms\/(messages|submit-button|form-state|date-parts)\.tsx?$/],
  [
    'forms',
    /\/node_modules\/@conform-to\/(react|dom)\/|\/app\/components\/forms\/(form|fields)\.tsx$/,
  ],
];

function manualChunks(id: string) {
  return CHUNK_GROUPS.find(([, modules]) => modules.test(id))?.[0];
}

export default defineConfig(({ command, isSsrBuild }) => ({
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
  build: {
    // The browser's code is minified with terser: it gzips about 4 KiB smaller per page than
    // esbuild's (docs/decisions/032). The Worker keeps esbuild, which builds it in a third of the time.
    minify: isSsrBuild ? true : 'terser',
    // The browsers the code itself needs (`crypto.randomUUID`, `Array.prototype.at`: Chrome and
    // Edge 92, Firefox 95, Safari 15.4, all from 2022 or before). Vite's default starts at Chrome
    // 87, where esbuild rewrites every `?.` into longer code (a V8 bug fixed in Chrome 91).
    target: isSsrBuild ? undefined : ['es2020', 'chrome92', 'edge92', 'firefox95', 'safari15.4'],
    rollupOptions: isSsrBuild ? {} : { output: { manualChunks } },
  },
}));
