import { fileURLToPath } from 'node:url';
import tsconfigPaths from 'vite-tsconfig-paths';
import { defineConfig } from 'vitest/config';

// server.ts imports the Remix build from ./build/server, which exists only after `remix vite:build`
// (and is built for workerd). Tests that go through the Worker's own fetch get the same app
// compiled in-process by test/support/server-build.ts instead, so `npm test` needs no build step.
const shared = {
  plugins: [tsconfigPaths()],
  resolve: {
    alias: [
      {
        find: /^\.\/build\/server$/,
        replacement: fileURLToPath(new URL('test/support/server-build.ts', import.meta.url)),
      },
    ],
  },
};
const common = {
  setupFiles: ['test/support/setup.ts'],
  testTimeout: 20_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  ...shared,
  test: {
    ...common,
    // Runs once for the whole run (the root project's), whichever projects have tests queued.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        ...shared,
        test: {
          ...common,
          name: 'tests',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
        },
      },
      // The applications' and statements' query tests once more with row-level security switched off, so the
      // queries' own `where user_id` filters are tested on their own (decision 007).
      {
        ...shared,
        test: {
          ...common,
          name: 'queries without RLS',
          include: [
            'test/integration/applications/**/*.test.ts',
            'test/integration/statements/**/*.test.ts',
            'test/integration/portability/**/*.test.ts',
          ],
          provide: { rowLevelSecurity: 'off' },
        },
      },
    ],
  },
});
