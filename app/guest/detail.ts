// What a guest application's pages show of its stored record, shaped as the account's pages get
// it from the database. Apart from the changes (records.ts), which load with a page's first save.
import type { ApplicationRecord, HistoryEntry } from '~/applications/types';
import type { ExportedApplication } from '~/portability/format';
import { dayOf } from '~/applications/history-date';

/** The fields an application's page shows. */
export function detailOf(a: ExportedApplication): ApplicationRecord {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    statusHistory: _h,
    statements: _s,
    events: _e,
    followUpOn: _f,
    ...record
  } = a;
  return record;
}

/** Status history newest first, ordered as the account's page orders it (queries.server.ts). */
export function historyOf(a: ExportedApplication): HistoryEntry[] {
  return a.statusHistory
    .map((h, index) => ({ h, index }))
    .sort((x, y) => {
      const day = dayOf(y.h).localeCompare(dayOf(x.h));
      if (day !== 0) return day;
      const at = y.h.at.localeCompare(x.h.at);
      if (at !== 0) return at;
      // The first entry (no "from") is the oldest of those recorded together; then by order kept.
      if ((x.h.from === null) !== (y.h.from === null)) return x.h.from === null ? 1 : -1;
      return y.index - x.index;
    })
    .map(({ h, index }) => ({
      id: `${a.id}-${index}`,
      fromStatus: h.from,
      toStatus: h.to,
      changedAt: h.at,
      occurredOn: h.on,
    }));
}
