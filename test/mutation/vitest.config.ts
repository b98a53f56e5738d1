// The vitest configuration `npm run mutate` runs: the same setup as vitest.config.ts, limited to the
// tests of the parts being mutated (test/mutation/scopes.mjs).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config';
import { chosenScopes } from './scopes.mjs';

const chosen = chosenScopes();
const tests = chosen.flatMap((scope) => scope.tests);
const withoutRls = chosen.flatMap((scope) => scope.withoutRls ?? []);

export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: {
      projects: [
        { extends: true as const, test: { name: 'tests', include: tests } },
        ...(withoutRls.length > 0
          ? [
              {
                extends: true as const,
                test: {
                  name: 'queries without RLS',
                  include: withoutRls,
                  provide: { rowLevelSecurity: 'off' as const },
                },
              },
            ]
          : []),
      ],
    },
  }),
);
