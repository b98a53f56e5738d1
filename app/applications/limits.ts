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
