import { z } from 'zod';
import { datePartsSchema } from '~/components/forms/date-schema';
import { addDays, MAX_DATE, MIN_DATE, todayInLondon } from './dates';
import { parseClockTime } from './closing';
import { hasPence, parsePounds, MAX_SALARY } from './salary';
import { STATUSES } from './statuses';
import { isWebAddress, WEB_ADDRESS, withScheme } from './web-address';
import { LIMITS } from './limits';
import { UUID_PATTERN } from '~/http/uuid';

export { LIMITS } from './limits';

const tooLong = (label: string, max: number) =>
  `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;

// PostgreSQL text and the export format both refuse U+0000 (pasted or autofilled); say so here.
const noNul = (label: string) =>
  [
    (v: string) => !v.includes('\u0000'),
    `${label} holds an invisible NUL character: retype it`,
  ] as const;

const required = (label: string, max: number, missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(max, tooLong(label, max))
    .refine(...noNul(label));

// Conform turns an empty input into undefined, so optional fields stay optional; a field of only
// spaces trims to '' and is stored as null by the mutations.
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, max))
    .refine(...noNul(label))
    .optional();

const dateInput = (label: string) => datePartsSchema(label, { min: MIN_DATE, max: MAX_DATE });

const pounds = (label: string) =>
  z
    .string()
    .trim()
    .max(30, `Enter ${label.toLowerCase()} in pounds, for example 32,000`)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const amount = parsePounds(value);
      // Never rounded away without a word: an hourly rate typed here belongs in the note.
      if (amount === null || hasPence(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter ${label.toLowerCase()} in whole pounds a year, for example 32,000 (an hourly rate goes in the salary note)`,
        });
        return z.NEVER;
      }
      if (amount > MAX_SALARY) {
        ctx.addIssue({ code: 'custom', message: `${label} must be £9,999,999 or less` });
        return z.NEVER;
      }
      return amount;
    });

/**
 * The add form's refusal of a date applied on an application added at Saved, which has not been
 * sent: the stats would count it as sent while the job-search log (which reads the move to
 * Applied) would not list it. Only when adding: an application moved back to Saved keeps the date
 * it had (a mistaken move undone either way loses nothing), and its edit form saves it as it is.
 */
export const SAVED_WITH_DATE =
  'A saved application has not been sent yet: clear the date applied, or change the status (for example to Applied)';

/** True for an application added at Saved with a date applied (SAVED_WITH_DATE). */
export const addedSavedWithDate = (input: { status: string; dateApplied?: string }) =>
  input.status === 'saved' && input.dateApplied !== undefined;

/** The application forms' fields, each checked on its own, in page order. */
const applicationFields = z.object({
  company: required('Company', LIMITS.company, 'Enter the company name'),
  role: required('Role', LIMITS.role, 'Enter the role (the job title)'),
  status: z
    .enum(STATUSES, { errorMap: () => ({ message: 'Choose a status from the list' }) })
    .default('saved'),
  dateApplied: datePartsSchema('Date applied', {
    min: MIN_DATE,
    max: MAX_DATE,
    // One day of slack: someone in another time zone may already be living tomorrow.
    notAfter: () => ({
      date: addDays(todayInLondon(), 1),
      message: 'Date applied must be today or in the past',
    }),
  }),
  closingDate: dateInput('Closing date'),
  closingTime: z
    .string()
    .trim()
    .max(20, 'Enter the closing time like 23:55, or leave it empty for the end of the day')
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const time = parseClockTime(value);
      if (!time) {
        ctx.addIssue({
          code: 'custom',
          message: 'Enter the closing time like 23:55, or leave it empty for the end of the day',
        });
        return z.NEVER;
      }
      return time;
    }),
  mayCloseEarly: z.boolean().default(false),
  advertUrl: z
    .string()
    .trim()
    .max(LIMITS.advertUrl, tooLong('Job advert URL', LIMITS.advertUrl))
    .transform(withScheme)
    .refine(isWebAddress, WEB_ADDRESS)
    .optional(),
  reference: optionalText('Reference number', LIMITS.reference),
  grade: optionalText('Band or grade', LIMITS.grade),
  location: optionalText('Location', LIMITS.location),
  source: optionalText('Source', LIMITS.source),
  salaryMin: pounds('Salary from'),
  salaryMax: pounds('Salary to'),
  salaryNote: optionalText('Salary note', LIMITS.salaryNote),
  notes: optionalText('Notes', LIMITS.notes),
});

/** What `field` reads `typed` as; undefined where it is empty, or refused (the field says why). */
function readAs<T>(field: z.ZodType<T, z.ZodTypeDef, unknown>, typed: unknown): T | undefined {
  const read = field.safeParse(typed);
  return read.success ? read.data : undefined;
}
const salaryField = pounds('Salary');
const closingDateField = dateInput('Closing date');

/**
 * The checks across fields, on what was typed, beside the fields' own: zod skips an object's
 * checks once a field has the wrong type (an empty company or role), and these would then be said
 * only after that was mended, not with the rest. It adds nothing to the value.
 */
const acrossFields = z
  .object({})
  .passthrough()
  .superRefine((typed, ctx) => {
    const [from, to] = [readAs(salaryField, typed.salaryMin), readAs(salaryField, typed.salaryMax)];
    if (from !== undefined && to !== undefined && to < from) {
      ctx.addIssue({
        code: 'custom',
        path: ['salaryMax'],
        message: 'Salary to must be the same as or more than salary from',
      });
    }
    const closingTime = typeof typed.closingTime === 'string' ? typed.closingTime.trim() : '';
    const closingDate = closingDateField.safeParse(typed.closingDate);
    if (closingTime && closingDate.success && closingDate.data === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['closingDate'],
        message: 'Enter the closing date, or clear the closing time',
      });
    }
  })
  .transform(() => ({}));

/**
 * The one schema behind both the new and the edit application forms, its fields in page order (the
 * first in error takes focus), every error said at once. Free of server imports: guest mode runs
 * it in the browser.
 */
export const ApplicationSchema = applicationFields.and(acrossFields);

export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** The one-step status change, from the list, the board or the application's page. */
export const StatusChangeSchema = z.object({
  status: z.enum(STATUSES, {
    errorMap: () => ({ message: 'Choose a status from the list' }),
  }),
});

/** "Undo" beside a status move just made: which move (its history entry's id). */
export const UndoMoveSchema = z.object({
  change: z.string().regex(UUID_PATTERN, 'That move could not be found. Reload the page.'),
});
