// Follow-ups: "chase if no reply by…" dates, and when to suggest that an application has been
// ghosted. Browser-safe.
import { addDays, formatDate } from '~/applications/dates';
import type { Status } from '~/applications/statuses';

/** Days after applying that the follow-up form suggests. */
export const FOLLOW_UP_DAYS = 14;

/** Weeks without a reply before the dashboard suggests Ghosted, unless the person chose otherwise. */
export const DEFAULT_GHOST_WEEKS = 4;

/** Statuses that are still waiting to hear back: only these are chased or suggested as ghosted. */
export const WAITING_FOR_REPLY = ['applied', 'interviewing'] as const satisfies readonly Status[];

/**
 * The follow-up date JobTrack suggests: 14 days after applying, while that day is still ahead
 * (today included); none without a date applied, or once it has passed, so an application recorded
 * weeks after applying does not start overdue (decision 035). The dashboard's Ghosted suggestion
 * is there for one that has waited long.
 */
export function followUpAhead(dateApplied: string | null, today: string): string | null {
  const suggested = dateApplied ? addDays(dateApplied, FOLLOW_UP_DAYS) : null;
  return suggested !== null && suggested >= today ? suggested : null;
}

/** Whether an application in `status` waits for a reply: only then is it chased. */
export const isWaiting = (status: Status | null): status is (typeof WAITING_FOR_REPLY)[number] =>
  (WAITING_FOR_REPLY as readonly (Status | null)[]).includes(status);

/**
 * The suggestion for an application in `status`: followUpAhead's while it still waits for a reply,
 * none for a Rejected or Offer application (nobody chases an answer they have).
 */
export function suggestedFor(
  status: Status | null,
  dateApplied: string | null,
  today: string,
): string | null {
  return isWaiting(status) ? followUpAhead(dateApplied, today) : null;
}

/** The date to offer a person who has no follow-up date set: suggestedFor's. */
export function followUpToOffer(
  application: { status: Status | null; followUpOn: string | null; dateApplied: string | null },
  today: string,
): string | null {
  const { status, followUpOn, dateApplied } = application;
  return followUpOn ? null : suggestedFor(status, dateApplied, today);
}

/** Why a follow-up date is refused: it falls before the day the person applied. */
export const beforeApplied = (dateApplied: string) =>
  `The follow-up date cannot be before the day you applied, ${formatDate(dateApplied)}`;

/** Whether `followUpOn` may be set on an application applied on `dateApplied` (null: not yet). */
export const followsApplying = (followUpOn: string, dateApplied: string | null) =>
  dateApplied === null || followUpOn >= dateApplied;

/** The intent of the follow-up's "Remove" button. */
export const CLEAR_FOLLOW_UP = 'clear';

/** The intent of the delete button on an event's page. */
export const DELETE_EVENT = 'delete';
