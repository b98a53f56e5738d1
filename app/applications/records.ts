// How a valid form becomes a stored application, free of server imports: the database mutations
// and guest mode's browser storage (app/guest/) store the same values the same way.
import type { ApplicationInput } from './application-schema';
import type { Status } from './statuses';
import type { ApplicationRecord } from './types';

const orNull = (value: string | undefined) => (value ? value : null);

/** The stored fields for a valid form: empty texts as null, no closing time without a date. */
export function recordFromInput(input: ApplicationInput): ApplicationRecord {
  return {
    company: input.company,
    role: input.role,
    status: input.status,
    dateApplied: orNull(input.dateApplied),
    closingDate: orNull(input.closingDate),
    // A time means nothing without its date.
    closingTime: input.closingDate ? orNull(input.closingTime) : null,
    mayCloseEarly: input.mayCloseEarly,
    advertUrl: orNull(input.advertUrl),
    reference: orNull(input.reference),
    grade: orNull(input.grade),
    location: orNull(input.location),
    source: orNull(input.source),
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    salaryNote: orNull(input.salaryNote),
    notes: orNull(input.notes),
  };
}

/**
 * An application added at Applied with no date applied is dated today, as a move to Applied is:
 * its date applied is the day the history and the job-search log show it was sent. `input` itself
 * when nothing is dated, so a caller can tell.
 */
export function datedIfApplied(input: ApplicationInput, today: string): ApplicationInput {
  return input.status === 'applied' && !input.dateApplied
    ? { ...input, dateApplied: today }
    : input;
}

/** One step of the history an application starts with. */
export type FirstHistoryEntry = {
  fromStatus: Status | null;
  toStatus: Status;
  occurredOn: string | null;
};

/**
 * The history an application starts with. Added with a date applied and past Saved, it shows
 * "Applied" on that date (the day it happened, not the day it was typed in), then the move to
 * where it is now, if further on.
 */
export function firstHistory(input: ApplicationInput): FirstHistoryEntry[] {
  const applied = input.dateApplied && input.status !== 'saved';
  if (!applied) return [{ fromStatus: null, toStatus: input.status, occurredOn: null }];
  const entries: FirstHistoryEntry[] = [
    { fromStatus: null, toStatus: 'applied', occurredOn: input.dateApplied! },
  ];
  if (input.status !== 'applied') {
    entries.push({ fromStatus: 'applied', toStatus: input.status, occurredOn: null });
  }
  return entries;
}
