// The Statement Builder's limits, free of zod: the export format and the pages use them, and the
// schema (schema.ts) enforces them.

/** How many criteria a statement can answer; real specifications list 10–30. */
export const MAX_CRITERIA = 40;

/** Everything a person types into one statement, in all: about 30,000 characters. */
export const MAX_TOTAL_CHARACTERS = 30_000;
export const LIMITS = {
  jobTitle: 200,
  employer: 200,
  advert: 15_000,
  personSpec: 15_000,
  criterion: 500,
  evidence: 4_000,
  whyRole: 4_000,
  experience: 8_000,
  versionName: 120,
  draft: 40_000,
} as const;
