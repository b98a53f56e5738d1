// The tracker settings form's one schema. Browser-safe.
import { z } from 'zod';

/** After how many weeks with no reply the dashboard suggests Ghosted: 1 to 52. */
export const GhostWeeksSchema = z.object({
  ghostAfterWeeks: z
    .string({ required_error: 'Enter a number of weeks from 1 to 52' })
    .trim()
    .regex(/^\d{1,2}$/, 'Enter a number of weeks from 1 to 52')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 52, 'Enter a number of weeks from 1 to 52'),
});
