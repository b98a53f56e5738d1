// The log as one list of rows, by day: status moves, interviews and other dates, and follow-up
// dates together, each worded as the action a Work Coach reads. The page (and any download of the
// log) shows these rows. Browser-safe.
import type { Status } from '~/applications/statuses';
import { KIND_LABELS, type EventKind } from '~/events/kinds';
import { toLondon } from '~/events/london-time';
import { actionFor } from './wording';

type Job = {
  applicationId: string;
  day: string;
  company: string;
  role: string;
  source: string | null;
  reference: string | null;
};

/** One line of the log. */
export type LogRow = Job & {
  key: string;
  action: string;
  /** True for an application sent. */
  sent: boolean;
};

/** Every row of the log, oldest day first; within a day moves, then dates by time, then follow-ups. */
export function logRows(
  entries: Array<Job & { id: string; from: Status | null; to: Status }>,
  events: Array<Job & { id: string; kind: EventKind; startsAt: string }>,
  followUps: Array<Job & { id: string }>,
): LogRow[] {
  const rows: Array<LogRow & { order: string }> = [
    ...entries.map((e, i) => ({
      ...e,
      key: `status-${e.id}`,
      action: actionFor(e.from, e.to),
      sent: e.to === 'applied',
      order: `${e.day} 0 ${String(i).padStart(6, '0')}`,
    })),
    ...events.map((e) => ({
      ...e,
      key: `event-${e.id}`,
      action: `${KIND_LABELS[e.kind]} at ${toLondon(e.startsAt).time}`,
      sent: false,
      order: `${e.day} 1 ${e.startsAt}`,
    })),
    ...followUps.map((f) => ({
      ...f,
      key: `follow-up-${f.id}`,
      // A date the person set for themselves, not an action JobTrack saw them take: worded as a
      // plan, so a Work Coach does not read it as a chase that was made (review of issue 13, L4).
      action: 'Planned follow-up: chase for a reply if none has come',
      sent: false,
      order: `${f.day} 2`,
    })),
  ];
  return rows
    .sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0))
    .map(({ order: _order, ...row }) => row);
}
