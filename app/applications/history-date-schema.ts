// The form that dates a status change: the day it happened, today or before (with a day of slack,
// as the date applied has, for someone whose tomorrow has begun).
import { z } from 'zod';
import { requiredDateSchema } from '~/components/forms/date-schema';
import { addDays, MAX_DATE, MIN_DATE, todayInLondon } from './dates';
import { ENTER_THE_DATE } from './history-date';

export const HistoryDateSchema = z.object({
  on: requiredDateSchema('The date', {
    min: MIN_DATE,
    max: MAX_DATE,
    required: ENTER_THE_DATE,
    notAfter: () => ({
      date: addDays(todayInLondon(), 1),
      message: 'The date must be today or in the past',
    }),
  }),
});
