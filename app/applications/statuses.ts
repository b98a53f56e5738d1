import { APPLICATION_STATUSES } from '#db/statuses';

/** Every application status, in the order a search usually runs (the database enum's list). */
export const STATUSES = APPLICATION_STATUSES;

export type Status = (typeof STATUSES)[number];

/** What a person sees for each status. */
export const STATUS_LABELS: Record<Status, string> = {
  saved: 'Saved',
  applied: 'Applied',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  ghosted: 'Ghosted',
};

/** The statuses as select options. */
export const STATUS_OPTIONS = STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/**
 * Outcomes after which a closing date no longer needs attention. Ghosted counts: it is the person's
 * own verdict that the application is over, so the dashboard should stop nagging about it.
 */
export const CLOSED_STATUSES: readonly Status[] = ['accepted', 'rejected', 'withdrawn', 'ghosted'];

/** True if `value` is one of the eight statuses. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** The label for a status, or the raw value if the database ever holds something unexpected. */
export function statusLabel(status: string): string {
  return isStatus(status) ? STATUS_LABELS[status] : status;
}
