// The list page's state lives in its URL, so a filtered view can be bookmarked and shared and the
// filter form works as a plain GET. Parsing never throws: anything odd falls back to the default.
import { isStatus, type Status } from './statuses';

/** Rows per list page. */
export const PAGE_SIZE = 25;

/** Search text longer than this is cut. */
export const MAX_SEARCH = 200;

/** The list's sort orders: last updated (default), closing date, date applied. */
export const SORTS = ['updated', 'closing', 'applied'] as const;
export type Sort = (typeof SORTS)[number];

/** The "Sort by" options, default first. */
export const SORT_OPTIONS: ReadonlyArray<{ value: Sort; label: string }> = [
  { value: 'updated', label: 'Last updated' },
  { value: 'closing', label: 'Closing date' },
  { value: 'applied', label: 'Date applied' },
];

/** What the list shows, as read from its URL. */
export type ListQuery = {
  /** Text matched against the searchable fields (db/schema.ts, searchText); '' for none. */
  q: string;
  status: Status | null;
  sort: Sort;
  page: number;
};

/** The plain /applications view. */
export const DEFAULT_LIST_QUERY: ListQuery = { q: '', status: null, sort: 'updated', page: 1 };

const PAGE = /^[1-9]\d{0,5}$/;

/** Reads the list's filters from a URL's search params; invalid values become the defaults. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  // NUL is dropped: PostgreSQL refuses it in text, and nobody searches for it. Runs of spaces,
  // tabs and line breaks become one space, so a search never spans two fields (see searchText).
  const q = (params.get('q') ?? '')
    .replaceAll('\0', '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SEARCH)
    .trim();
  const status = params.get('status');
  const sort = params.get('sort');
  const page = params.get('page') ?? '';
  return {
    q,
    status: isStatus(status) ? status : null,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'updated',
    page: PAGE.test(page) ? Number(page) : 1,
  };
}

/** The canonical search string for a list query ("?status=applied&page=2"), defaults left out. */
export function listQuerySearch(query: Partial<ListQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  if (query.sort && query.sort !== 'updated') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** An ILIKE pattern that finds `text` anywhere, with %, _ and \ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The page actually shown (clamped to the last page) and its row offset. */
export function pageWindow(total: number, requested: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  return { page, pages, offset: (page - 1) * PAGE_SIZE };
}
