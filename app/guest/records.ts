// A guest's applications, changed the way the database mutations change an account's
// (app/applications/mutations.server.ts), on export-format records held in the browser.
import type { ApplicationInput } from '~/applications/application-schema';
import { todayInLondon } from '~/applications/dates';
import { datedIfApplied, firstHistory, recordFromInput } from '~/applications/records';
import type { Status } from '~/applications/statuses';
import type { ApplicationRecord } from '~/applications/types';
import { followUpAhead, followsApplying, suggestedFor } from '~/events/follow-up';
import type { ExportedApplication } from '~/portability/format';
import { FORMAT_CAPS } from '~/portability/format-limits';
import { dayOf, isAnswer } from '~/applications/history-date';

type History = ExportedApplication['statusHistory'];

// The export format holds at most FORMAT_CAPS.historyPerApplication entries; past that the
// oldest go, so the 201st status change still saves (and still exports).
const capped = (history: History): History => history.slice(-FORMAT_CAPS.historyPerApplication);

function withRecord(a: ExportedApplication, record: ApplicationRecord): ExportedApplication {
  return { ...a, ...record };
}

/**
 * The follow-up date once an application moves to Applied, as the account's firstFollowUp
 * (mutations.server.ts): the suggestion only the first time it reaches Applied, so a date the
 * person removed stays removed when it goes back to Applied; a date already set is kept.
 */
export function firstFollowUp(before: ExportedApplication, suggested: string | null) {
  if (before.statusHistory.some((h) => h.to === 'applied')) return before.followUpOn;
  return before.followUpOn ?? suggested;
}

/**
 * A follow-up date never before the day of applying, as the account's notBeforeApplying: a date
 * applied moved past it takes the suggestion for the application's status instead.
 */
function notBeforeApplying(
  followUpOn: string | null,
  status: Status,
  dateApplied: string | null,
  now: Date,
): string | null {
  if (!followUpOn || !dateApplied || followsApplying(followUpOn, dateApplied)) return followUpOn;
  return suggestedFor(status, dateApplied, todayInLondon(now));
}

/**
 * A new application from a valid form, with the history it starts with; added at Applied with no
 * date applied, it is dated today, as an account's is.
 */
export function newApplication(
  typed: ApplicationInput,
  id: string = crypto.randomUUID(),
  now = new Date(),
): ExportedApplication {
  const at = now.toISOString();
  const input = datedIfApplied(typed, todayInLondon(now));
  return {
    id,
    ...recordFromInput(input),
    // Added as Applied with a date applied: chase 14 days on unless that has passed, as for an account.
    followUpOn:
      input.status === 'applied'
        ? followUpAhead(input.dateApplied ?? null, todayInLondon(now))
        : null,
    createdAt: at,
    updatedAt: at,
    events: [],
    statusHistory: firstHistory(input).map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      at,
      on: h.occurredOn,
    })),
    statements: [],
  };
}

/** The application after an edit: a changed status is recorded, a corrected date applied moves its entry. */
export function editApplication(
  before: ExportedApplication,
  input: ApplicationInput,
  now = new Date(),
): ExportedApplication {
  const at = now.toISOString();
  // Moved to Applied here with no date applied: dated today, as a one-press move is.
  const record = recordFromInput(
    before.status === input.status ? input : datedIfApplied(input, todayInLondon(now)),
  );
  let history: History = before.statusHistory;
  let followUpOn = before.followUpOn;
  if (before.status !== record.status) {
    const suggested =
      record.status === 'applied' ? followUpAhead(record.dateApplied, todayInLondon(now)) : null;
    if (suggested) followUpOn = firstFollowUp(before, suggested);
    history = [
      ...history,
      {
        from: before.status,
        to: record.status,
        at,
        on: record.status === 'applied' ? record.dateApplied : null,
      },
    ];
  } else if (record.dateApplied) {
    history = history.map((h) =>
      h.to === 'applied' && h.on !== null ? { ...h, on: record.dateApplied } : h,
    );
  }
  return {
    ...withRecord(before, record),
    followUpOn: notBeforeApplying(followUpOn, record.status, record.dateApplied, now),
    updatedAt: at,
    statusHistory: capped(history),
  };
}

/** The application moved to `status` (unchanged if already there); Applied without a date is today. */
export function moveApplication(
  before: ExportedApplication,
  status: Status,
  now = new Date(),
): ExportedApplication {
  if (before.status === status) return before;
  const at = now.toISOString();
  const dateApplied =
    status === 'applied' && !before.dateApplied ? todayInLondon(now) : before.dateApplied;
  return {
    ...before,
    status,
    dateApplied,
    followUpOn:
      status === 'applied'
        ? notBeforeApplying(
            firstFollowUp(before, followUpAhead(dateApplied, todayInLondon(now))),
            status,
            dateApplied,
            now,
          )
        : before.followUpOn,
    updatedAt: at,
    statusHistory: capped([
      ...before.statusHistory,
      // A move to Applied is dated by the date applied, so editing that date moves it too.
      { from: before.status, to: status, at, on: status === 'applied' ? dateApplied : null },
    ]),
  };
}

/** Replaces the record with the same id, leaving every other one as stored. */
export function replaceById(
  applications: ExportedApplication[],
  id: string,
  change: (a: ExportedApplication) => ExportedApplication,
): ExportedApplication[] {
  return applications.map((a) => (a.id === id ? change(a) : a));
}

/** The application with the change at `index` in its stored history dated `on`, the day it happened. */
export function dateHistoryEntry(
  a: ExportedApplication,
  index: number,
  on: string,
): ExportedApplication {
  return {
    ...a,
    statusHistory: a.statusHistory.map((h, i) => (i === index ? { ...h, on } : h)),
  };
}

/**
 * The first answer in the history (a move but to Saved or Applied, and not a withdrawal from
 * Saved, recorded since its latest move to Applied) dated before `dateApplied`, as the account's
 * edit refuses it (applications/mutations.server.ts); null when there is none.
 */
export function answerBefore(a: ExportedApplication, dateApplied: string | undefined) {
  if (!dateApplied) return null;
  const sent = a.statusHistory.filter((h) => h.to === 'applied').map((h) => Date.parse(h.at));
  const lastSent = sent.length > 0 ? Math.max(...sent) : -Infinity;
  const answers = a.statusHistory
    .filter((h) => isAnswer(h.from, h.to) && Date.parse(h.at) >= lastSent)
    .filter((h) => dayOf(h) < dateApplied)
    .sort((x, y) => dayOf(x).localeCompare(dayOf(y)) || x.at.localeCompare(y.at));
  const first = answers[0];
  return first ? { answeredOn: dayOf(first), answeredBy: first.to } : null;
}
