// Dating a status change after the event: which changes can be dated here, and the rules that an
// answer cannot come before the application it answers, nor out of order with the moves recorded
// around it. Browser-safe (guest mode uses it too).
import { formatDate } from './dates';
import { statusLabel, type Status } from './statuses';

/** A change as the history and its date page name it: "Rejected, from Applied". */
export const moveLabel = (fromStatus: Status | null, toStatus: Status) =>
  `${statusLabel(toStatus)}, ${fromStatus ? `from ${statusLabel(fromStatus)}` : 'when added'}`;

/** The value of `intent` that "Undo this move" beside a status move just made sends. */
export const UNDO_MOVE = 'undo-move';

/** "Undo this move" refused: something has changed the application since the move. */
export const UNDO_CHANGED_SINCE =
  'That move can no longer be undone: the application has changed since. Choose its status again instead.';

/**
 * A move to Applied is dated by the application's date applied (its edit page), so only the other
 * moves are dated here.
 */
export const isDateable = (toStatus: Status) => toStatus !== 'applied';

/** True when `on` is possible for a move to `toStatus`: nothing but Saved comes before applying. */
export function possibleOn(toStatus: Status, on: string, dateApplied: string | null) {
  return toStatus === 'saved' || dateApplied === null || on >= dateApplied;
}

export const beforeApplying = (dateApplied: string) =>
  `The date must be on or after the day you applied (${formatDate(dateApplied)})`;

/** Another move of the same application, by the day it happened. */
export type DatedMove = { on: string; toStatus: Status };

/**
 * The refusal of `on` for an answer (a move but to Saved or Applied) when it would put the history
 * out of order: `earlier` is the latest-dated answer recorded before it, `later` the earliest-dated
 * one recorded after it. Moves to Saved are free, and a move to Applied is dated by the date
 * applied, which has its rule above (`possibleOn`). Null when in order.
 */
export function outOfOrder(on: string, earlier: DatedMove | null, later: DatedMove | null) {
  const change = '(to change that day, use “Change date” beside it in the status history)';
  if (earlier && on < earlier.on) {
    return `The date must be on or after ${formatDate(earlier.on)}, the day this application moved to ${statusLabel(earlier.toStatus)} ${change}`;
  }
  if (later && on > later.on) {
    return `The date must be on or before ${formatDate(later.on)}, the day this application moved to ${statusLabel(later.toStatus)} ${change}`;
  }
  return null;
}

/** The edit form's refusal of a date applied later than an answer already dated in the history. */
export const afterAnAnswer = (answeredOn: string, answeredBy: Status) =>
  `Date applied must be on or before ${formatDate(answeredOn)}, the day this application moved to ${statusLabel(answeredBy)} (to change that day, use “Change date” in its status history)`;

export const ENTER_THE_DATE = 'Enter the date it happened';
