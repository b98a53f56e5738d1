// The add and edit event form's one schema, and the follow-up date's. Browser-safe: the form kit
// runs them in the page (loading them when the form is first used) as well as in the actions.
import { z } from 'zod';
import { isWebAddress, WEB_ADDRESS, withScheme } from '~/applications/web-address';
import { parseClockTime } from '~/applications/closing';
import { MAX_DATE, MIN_DATE } from '~/applications/dates';
import { datePartsSchema, requiredDateSchema } from '~/components/forms/date-schema';
import { EVENT_FORMATS, EVENT_KINDS } from './kinds';
import { fromLondon } from './london-time';
import { EVENT_LIMITS } from './limits';

export { EVENT_LIMITS, MAX_EVENTS_PER_APPLICATION } from './limits';

const tooLong = (label: string, max: number) =>
  `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;

const TIME_MESSAGE = 'Enter the time like 14:30 or 2.30pm';

/** One event: what it is, when (a London date and time), how, where, notes. Fields in page order. */
export const EventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: 'Choose what kind of event it is' }) }),
    date: requiredDateSchema('Date', { min: MIN_DATE, max: MAX_DATE, required: 'Enter the date' }),
    time: z
      .string({ required_error: 'Enter the time, for example 14:30' })
      .trim()
      .max(20, TIME_MESSAGE)
      .transform((value, ctx) => {
        const time = parseClockTime(value);
        if (!time) {
          ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
          return z.NEVER;
        }
        return time;
      }),
    format: z
      .enum(EVENT_FORMATS, { errorMap: () => ({ message: 'Choose how it happens from the list' }) })
      .optional(),
    place: z
      .string()
      .trim()
      .max(EVENT_LIMITS.place, tooLong('Place', EVENT_LIMITS.place))
      .optional(),
    link: z
      .string()
      .trim()
      .max(EVENT_LIMITS.link, tooLong('Link', EVENT_LIMITS.link))
      .transform(withScheme)
      .refine(isWebAddress, WEB_ADDRESS)
      .optional(),
    notes: z
      .string()
      .trim()
      .max(EVENT_LIMITS.notes, tooLong('Notes', EVENT_LIMITS.notes))
      .optional(),
    /** The add form's box: also move the application to Interviewing (an interview kind only). */
    toInterviewing: z.boolean().optional(),
    /** The add form's one-time key (absent on edit). */
    createKey: z.string().uuid('That form could not be read. Please try again.').optional(),
  })
  .transform((value, ctx) => {
    const startsAt = fromLondon(value.date, value.time);
    if (!startsAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['time'],
        message: `${value.time} does not happen on that day in the UK: the clocks go forward from 01:00 to 02:00. Enter 02:00 or later`,
      });
      return z.NEVER;
    }
    return { ...value, date: value.date, startsAt };
  });

export type EventInput = z.infer<typeof EventSchema>;

/** The follow-up form: a date to chase by (none clears it). */
export const FollowUpSchema = z.object({
  followUpOn: datePartsSchema('Follow-up date', { min: MIN_DATE, max: MAX_DATE }),
});
