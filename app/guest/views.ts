// The list and the dashboard computed in the browser from a guest's applications, in the same
// orders and with the same rules as the account's SQL (queries.server.ts, dashboard.server.ts).
import { foldPunctuation } from '#db/search-fold';
import { hasClosed, type LondonNow } from '~/applications/dates';
import { pageWindow, PAGE_SIZE, type ListQuery } from '~/applications/list-query';
import { STATUSES, type Status } from '~/applications/statuses';
import type { BoardColumn } from '~/applications/board.server';
import type { DashboardRow, ListRow } from '~/applications/types';
import type { ExportedApplication } from '~/portability/format';

type App = ExportedApplication;

const SEARCHED = ['company', 'role', 'location', 'source', 'reference', 'grade', 'notes'] as const;

function matches(a: App, q: string): boolean {
  if (!q) return true;
  const needle = foldPunctuation(q.toLocaleLowerCase('en-GB'));
  // Each field on its own, so a search never spans two fields.
  return SEARCHED.some((f) =>
    foldPunctuation((a[f] ?? '').replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')).includes(needle),
  );
}

const closed = (a: App, now: LondonNow) =>
  a.closingDate !== null && hasClosed(a.closingDate, a.closingTime, now);

const desc = (x: string | null, y: string | null) => (x === y ? 0 : (y ?? '') < (x ?? '') ? -1 : 1);
const latest = (x: App, y: App) => desc(x.updatedAt, y.updatedAt) || desc(x.id, y.id);

/** The comparator for a sort order, as listOrder in queries.server.ts. */
export function compareFor(sort: ListQuery['sort'], now: LondonNow): (x: App, y: App) => number {
  if (sort === 'updated') return latest;
  if (sort === 'applied') {
    return (x, y) => {
      if ((x.dateApplied === null) !== (y.dateApplied === null)) return x.dateApplied ? -1 : 1;
      return desc(x.dateApplied, y.dateApplied) || latest(x, y);
    };
  }
  return (x, y) => {
    if ((x.closingDate === null) !== (y.closingDate === null)) return x.closingDate ? -1 : 1;
    if (x.closingDate === null) return latest(x, y);
    const [cx, cy] = [closed(x, now), closed(y, now)];
    if (cx !== cy) return cx ? 1 : -1;
    if (!cx) {
      if (x.closingDate !== y.closingDate) return x.closingDate < y.closingDate! ? -1 : 1;
      if (x.closingTime !== y.closingTime) {
        if (x.closingTime === null) return 1;
        if (y.closingTime === null) return -1;
        return x.closingTime < y.closingTime ? -1 : 1;
      }
      return latest(x, y);
    }
    return desc(x.closingDate, y.closingDate) || latest(x, y);
  };
}

const toRow = (a: App): ListRow => ({
  id: a.id,
  company: a.company,
  role: a.role,
  status: a.status,
  closingDate: a.closingDate,
  closingTime: a.closingTime,
  mayCloseEarly: a.mayCloseEarly,
  grade: a.grade,
  updatedAt: a.updatedAt,
});

function countsOf(apps: App[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const a of apps) counts[a.status]++;
  return counts;
}

/** One page of the guest's list for `query`, shaped as the account list's loader data. */
export function guestList(apps: App[], query: ListQuery, now: LondonNow) {
  const found = apps.filter((a) => matches(a, query.q));
  const counts = countsOf(found);
  const shown = query.status ? found.filter((a) => a.status === query.status) : found;
  const { page, pages, offset } = pageWindow(shown.length, query.page);
  const rows = shown
    .sort(compareFor(query.sort, now))
    .slice(offset, offset + PAGE_SIZE)
    .map(toRow);
  return { rows, counts, total: found.length, matching: shown.length, page, pages };
}

/** Cards per board column (as BOARD_LIMIT on the server); the column links to the list. */
const BOARD_CARDS = 20;

/** The board's columns for a guest, as loadBoard gives them for an account. */
export function guestBoard(apps: App[], now: LondonNow) {
  const columns = STATUSES.map((status) => {
    const at = apps.filter((a) => a.status === status);
    // Saved by closing date (what to apply for first), the rest by last update.
    const rows = at
      .sort(compareFor(status === 'saved' ? 'closing' : 'updated', now))
      .slice(0, BOARD_CARDS)
      .map(toRow);
    return { status, total: at.length, rows } satisfies BoardColumn;
  });
  return { columns, total: apps.length };
}

/** How many applications each dashboard list shows (as DASHBOARD_LIMIT on the server). */
const LIMIT = 10;

const dashRow = ({ id, company, role, status, closingDate, closingTime, mayCloseEarly }: App) =>
  ({
    id,
    company,
    role,
    status,
    closingDate,
    closingTime,
    mayCloseEarly,
  }) satisfies DashboardRow;

/** The dashboard's lists and counts for a guest, as loadDashboard gives them for an account. */
export function guestDashboard(apps: App[], now: LondonNow) {
  const saved = apps.filter((a) => a.status === 'saved');
  const open = saved.filter((a) => !closed(a, now));
  const missed = saved.filter((a) => closed(a, now)).sort(compareFor('closing', now));
  const toApply = open
    .filter((a) => a.closingDate !== null)
    .sort(
      (x, y) =>
        compareFor('closing', now)(x, y) ||
        x.company.localeCompare(y.company) ||
        x.id.localeCompare(y.id),
    );
  const at = (status: Status) => apps.filter((a) => a.status === status).sort(latest);
  return {
    counts: countsOf(apps),
    total: apps.length,
    toApply: toApply.slice(0, LIMIT).map(dashRow),
    missed: missed.slice(0, LIMIT).map(dashRow),
    interviewing: at('interviewing').slice(0, LIMIT).map(dashRow),
    offers: at('offer').slice(0, LIMIT).map(dashRow),
    toApplyTotal: open.length,
    missedTotal: missed.length,
  };
}
