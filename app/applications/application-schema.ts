import { z } from 'zod';
import { addDays, isRealIsoDate, MAX_DATE, MIN_DATE, todayInLondon } from './dates';
import { STATUSES } from './statuses';

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
  z.string({ required_error: missing }).trim().min(1, missing).max(max, tooLong(label, max));

// Conform turns an empty input into undefined, so optional fields stay optional; a field of only
// spaces trims to '' and is stored as null by the mutations.
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, tooLong(label, max)).optional();

const optionalDate = (label: string, { notAfterTomorrow = false } = {}) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!isRealIsoDate(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter the ${label.toLowerCase()} as a real date`,
        });
      } else if (value < MIN_DATE || value > MAX_DATE) {
        ctx.addIssue({ code: 'custom', message: `${label} must be between 2000 and 2100` });
      } else if (notAfterTomorrow && value > addDays(todayInLondon(), 1)) {
        // One day of slack: someone in another time zone may already be living tomorrow.
        ctx.addIssue({ code: 'custom', message: `${label} cannot be in the future` });
      }
    })
    .optional();

/** True for an absolute http(s) address; anything else (javascript:, data:, ftp:) is refused. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The one schema behind both the new and the edit application forms. */
export const ApplicationSchema = z.object({
  company: required('Company', LIMITS.company, 'Enter the company name'),
  role: required('Role', LIMITS.role, 'Enter the role (the job title)'),
  status: z
    .enum(STATUSES, { errorMap: () => ({ message: 'Choose a status from the list' }) })
    .default('saved'),
  dateApplied: optionalDate('Date applied', { notAfterTomorrow: true }),
  closingDate: optionalDate('Closing date'),
  advertUrl: z
    .string()
    .trim()
    .max(LIMITS.advertUrl, tooLong('Job advert URL', LIMITS.advertUrl))
    .refine(isWebAddress, 'Enter a web address starting with https:// or http://')
    .optional(),
  location: optionalText('Location', LIMITS.location),
  salary: optionalText('Salary', LIMITS.salary),
  source: optionalText('Source', LIMITS.source),
  notes: optionalText('Notes', LIMITS.notes),
});

export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** The one-step status change, from the list or the application's page. */
export const StatusChangeSchema = z.object({
  status: z.enum(STATUSES, {
    errorMap: () => ({ message: 'Choose a status from the list' }),
  }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid; anything else is answered with 404 before it reaches the database. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
