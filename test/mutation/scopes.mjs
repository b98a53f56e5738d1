// The parts `npm run mutate` mutates, each with the tests written for it. A mutant counts as killed
// only by its part's own tests, not by a test elsewhere that happens to trip over it: stricter than
// the whole suite, and hours shorter (db.server.ts is reached by every integration test).
// `MUTATE_SCOPE=<name> npm run mutate` runs one part; without it, all of them.
import process from 'node:process';

/** @type {Record<string, { mutate: string[]; tests: string[]; withoutRls?: string[] }>} */
export const scopes = {
  http: {
    mutate: ['app/http/**/*.ts'],
    tests: [
      'test/unit/http/**/*.test.ts',
      'test/integration/worker/**/*.test.ts',
      'test/integration/database-outage.test.ts',
      'test/integration/hostile-input.test.ts',
      'test/integration/auth/supabase/worker.test.ts',
      'test/integration/auth/supabase/client-address.test.ts',
      // The Worker's daily cron.
      'test/integration/auth/supabase/sweep.test.ts',
    ],
  },
  db: {
    mutate: ['app/db.server.ts'],
    tests: [
      'test/unit/db/**/*.test.ts',
      'test/integration/as-user.test.ts',
      'test/integration/connection-loss.test.ts',
      'test/integration/local-pool.test.ts',
      'test/integration/rls.test.ts',
      'test/integration/round-trips.test.ts',
      'test/integration/database-outage.test.ts',
      'test/integration/applications/isolation-mode.test.ts',
      'test/integration/auth/session-cache.test.ts',
      // asCalendarOwner: the private feed, which has no session.
      'test/integration/events/calendar-feed.test.ts',
    ],
  },
  applications: {
    mutate: ['app/applications/queries.server.ts', 'app/applications/mutations.server.ts'],
    tests: [
      'test/unit/applications/**/*.test.ts',
      'test/integration/applications/**/*.test.ts',
      'test/integration/rls.test.ts',
      // The follow-up date an application's status suggests, and what each page costs.
      'test/integration/events/events.test.ts',
      'test/integration/round-trips.test.ts',
    ],
    withoutRls: ['test/integration/applications/**/*.test.ts'],
  },
  auth: {
    mutate: [
      'app/auth/**/*.ts',
      // A list of 10,000 words: mutating each string says nothing about the code.
      '!app/auth/common-passwords.ts',
    ],
    tests: ['test/unit/auth/**/*.test.ts', 'test/integration/auth/**/*.test.ts'],
  },
};

/**
 * The scopes named by MUTATE_SCOPE (comma-separated), or all.
 * @returns {Array<{ mutate: string[]; tests: string[]; withoutRls?: string[] }>}
 */
export function chosenScopes() {
  const names = process.env.MUTATE_SCOPE?.split(',').filter(Boolean) ?? Object.keys(scopes);
  const unknown = names.filter((name) => !(name in scopes));
  if (unknown.length > 0)
    throw new Error(
      `MUTATE_SCOPE: no part named ${unknown.join(', ')} (${Object.keys(scopes).join(', ')})`,
    );
  return names.map((name) => /** @type {NonNullable<(typeof scopes)[string]>} */ (scopes[name]));
}
