// An application's field limits, free of zod: the export format uses them, and the schema
// (application-schema.ts) enforces them.

/** Field limits, shared by the schema, the export format and the tests that guard them. */
export const LIMITS = {
  company: 200,
  role: 200,
  advertUrl: 2000,
  location: 200,
  salaryNote: 200,
  source: 200,
  reference: 100,
  grade: 100,
  notes: 20_000,
} as const;

/**
 * The most applications an account holds, as many as an export file may (FORMAT_CAPS), so every
 * account's export imports again. Migration 0022's trigger holds the database to the same number.
 */
export const MAX_APPLICATIONS = 10_000;

/** Whether an account holding `holds` applications can take `adding` more (none always fits). */
export const fitsInAccount = (holds: number, adding: number) =>
  adding === 0 || holds + adding <= MAX_APPLICATIONS;

/** Beside the add form when the account is full. */
export const ACCOUNT_FULL =
  `Your account already holds ${MAX_APPLICATIONS.toLocaleString('en-GB')} applications, the ` +
  'most it can. Delete ones you no longer need, then add this one.';

/** When an import (a file, a CSV, guest mode's move) would take the account past the limit. */
export const IMPORT_PAST_LIMIT =
  `This would take your account past ${MAX_APPLICATIONS.toLocaleString('en-GB')} applications, ` +
  'the most it can hold, so nothing was added. Delete applications you no longer need, or ' +
  'import fewer, then try again.';
