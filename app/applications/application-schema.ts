// zod's mini build: the same rules as full zod, in less browser code (functions, not methods).
import * as z from 'zod/v4-mini';
import { addDays, isRealIsoDate, MAX_DATE, MIN_DATE, todayInLondon } from './dates';
import { STATUSES } from './statuses';
import { isWebAddress } from './web-address';

/** Field limits, shared by the schema and the tests that guard them. */
export const LIMITS = {
  company: 200,
  role: 200,
  advertUrl: 2000,
  location: 200,
  salary: 100,
  source: 200,
  notes: 20_000,
} as const;

const tooLong = (label: string, max: number) =>
  `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;

const required = (label: string, max: number, missing: string) =>
  z
    .string({ error: missing })
    .check(z.trim(), z.minLength(1, missing), z.maxLength(max, tooLong(label, max)));

// Conform turns an empty input into undefined, so optional fields stay optional; a field of only
// spaces trims to '' and is stored as null by the mutations.
const optionalText = (label: string, max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, tooLong(label, max))));

// A failing check stops the ones after it (abort), so a date gets one message: the first that fits.
const optionalDate = (label: string, { notAfterTomorrow = false } = {}) =>
  z.optional(
    z.string().check(
      z.trim(),
      z.refine(isRealIsoDate, {
        error: `Enter the ${label.toLowerCase()} as a real date`,
        abort: true,
      }),
      z.refine((value) => value >= MIN_DATE && value <= MAX_DATE, {
        error: `${label} must be between 2000 and 2100`,
        abort: true,
      }),
      // One day of slack: someone in another time zone may already be living tomorrow.
      z.refine((value) => !notAfterTomorrow || value <= addDays(todayInLondon(), 1), {
        error: `${label} cannot be in the future`,
      }),
    ),
  );

/** The one schema behind both the new and the edit application forms. */
export const ApplicationSchema = z.object({
  company: required('Company', LIMITS.company, 'Enter the company name'),
  role: required('Role', LIMITS.role, 'Enter the role (the job title)'),
  status: z._default(z.enum(STATUSES, { error: 'Choose a status from the list' }), 'saved'),
  dateApplied: optionalDate('Date applied', { notAfterTomorrow: true }),
  closingDate: optionalDate('Closing date'),
  advertUrl: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(LIMITS.advertUrl, tooLong('Job advert URL', LIMITS.advertUrl)),
        z.refine(isWebAddress, 'Enter a web address starting with https:// or http://'),
      ),
  ),
  location: optionalText('Location', LIMITS.location),
  salary: optionalText('Salary', LIMITS.salary),
  source: optionalText('Source', LIMITS.source),
  notes: optionalText('Notes', LIMITS.notes),
});

export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** The one-step status change, from the list or the application's page. */
export const StatusChangeSchema = z.object({
  status: z.enum(STATUSES, { error: 'Choose a status from the list' }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid; anything else is answered with 404 before it reaches the database. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
