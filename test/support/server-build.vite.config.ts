import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';
import { remixFuture } from '../../vite.config';

// The app as vite.config.ts builds it, minus the Cloudflare dev proxy (it starts workerd; the tests
// call the Worker's fetch themselves). Used by test/support/server-build.ts.
export default defineConfig({
  plugins: [remix({ future: remixFuture }), tsconfigPaths()],
  ssr: {
    // As on Workers: react-dom's web-streams renderer. postgres.js keeps its Node entry (sockets).
    resolve: { externalConditions: ['workerd', 'worker'] },
    noExternal: ['postgres'],
  },
});
