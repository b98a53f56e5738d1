// Dating a status change after the event: which changes can be dated here, and the rules that an
// answer cannot come before the application it answers, nor out of order with the other answers
// to it. Browser-safe (guest mode uses it too).
import { formatDate, todayInLondon } from './dates';
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

/**
 * True for a move that answers an application as sent: not a move to Saved or Applied, nor a
 * withdrawal from Saved (one never sent). Only answers have rules for their day, and the edit's
 * rule for the date applied reads the same definition (mutations.server.ts, guest/records.ts).
 */
export const isAnswer = (fromStatus: Status | null, toStatus: Status) =>
  toStatus !== 'saved' &&
  toStatus !== 'applied' &&
  !(fromStatus === 'saved' && toStatus === 'withdrawn');

/** The day a move happened: the day given, else the day it was recorded, in London. */
export const dayOf = (move: { on: string | null; at: string }) =>
  move.on ?? todayInLondon(new Date(move.at));

export const beforeApplying = (dateApplied: string) =>
  `The date must be on or after the day you applied (${formatDate(dateApplied)})`;

/** Another move of the same application, by the day it happened. */
export type DatedMove = { on: string; toStatus: Status };

/**
 * What a move's day is weighed against. `earlier` is the latest-dated answer to the same sending
 * (recorded since its move to Applied, and before the next) recorded before the move, and `later`
 * the earliest-dated one recorded after it, each among those still in order with the move's day
 * as it stands: so a history already out of order is never made worse, and can be put right one
 * move at a time. `latest` is true when no move to Applied was recorded after it, so the date
 * applied is its own sending's. Ties go to the move recorded nearest it.
 */
export type Surroundings = {
  answer: boolean;
  latest: boolean;
  dateApplied: string | null;
  earlier: DatedMove | null;
  later: DatedMove | null;
};

/** Why `on` cannot be the day of a move in these surroundings; null when it can. */
export function refusalOf(on: string, around: Surroundings): string | null {
  if (!around.answer) return null;
  if (around.latest && around.dateApplied && on < around.dateApplied) {
    return beforeApplying(around.dateApplied);
  }
  const { earlier, later } = around;
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
