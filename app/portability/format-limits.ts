// The export format's name, version and caps, apart from its zod schema (format.ts), so that code
// which only needs these (guest mode's storage and records) does not load zod with them.
import { MAX_APPLICATIONS } from '~/applications/limits';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';

export const FORMAT_NAME = 'jobtrack';
export const FORMAT_VERSION = 1;

/** Caps on how much one file may hold, far above any real job search, so an import stays bounded. */
export const FORMAT_CAPS = {
  applications: MAX_APPLICATIONS,
  statements: 2_000,
  historyPerApplication: 200,
  versionsPerStatement: 200,
  eventsPerApplication: MAX_EVENTS_PER_APPLICATION,
} as const;
