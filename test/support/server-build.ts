/**
 * The Remix server build, for tests that go through the Worker's own `fetch` in server.ts, which
 * imports `./build/server` (vitest.config.ts points that import here). Vite compiles the app in
 * this process, as `remix vite:dev` does, so `npm test` works on a fresh clone with no build step.
 * Mode "production", so errors reach the page the way a deployment shows them.
 */
import { fileURLToPath } from 'node:url';
import type { ServerBuild } from '@remix-run/cloudflare';
import { createServer } from 'vite';

const vite = await createServer({
  configFile: fileURLToPath(new URL('./server-build.vite.config.ts', import.meta.url)),
  root: fileURLToPath(new URL('../..', import.meta.url)),
  mode: 'production',
  logLevel: 'warn',
  server: { middlewareMode: true, watch: null, hmr: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});

const build = (await vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild;

export const {
  entry,
  routes,
  assets,
  basename,
  publicPath,
  assetsBuildDirectory,
  future,
  isSpaMode,
  mode,
} = build;

/** Stops the compiler (no watcher runs, but it holds a module graph). */
export const closeServerBuild = () => vite.close();
