// Guest mode's addresses. Everything about a guest's data travels in the fragment, which browsers
// never send to a server: the list's filters (#q=…) and an application's id (#<id>), so every path
// is the same for every guest and neither a reload nor Remix's route discovery (/__manifest?p=…)
// tells the server which applications exist (docs/decisions/025).
import { listQuerySearch, parseListQuery, type ListQuery } from '~/applications/list-query';
import type { TrackerPaths } from '~/applications/paths';
import { GUEST_HOME, GUEST_LIST } from './mode';

/** One application's page, edit form and delete step: the id follows in the fragment. */
export const GUEST_APPLICATION = '/guest/application';
export const GUEST_EDIT = '/guest/application/edit';
export const GUEST_DELETE = '/guest/application/delete';
/** The board: one column per status. */
export const GUEST_BOARD = '/guest/board';
/** An application's add-a-date form and follow-up form (its id in the fragment). */
export const GUEST_NEW_EVENT = '/guest/application/events/new';
export const GUEST_FOLLOW_UP = '/guest/application/follow-up';
export const GUEST_HISTORY = '/guest/application/history';
/** One event's edit page: "#<application id>/<event id>". */
export const GUEST_EVENT = '/guest/application/event';
export const GUEST_STATS = '/guest/stats';
/** The job-search log; its dates go in the fragment too. */
export const GUEST_LOG = '/guest/log';

export { GUEST_HOME, GUEST_LIST, GUEST_MOVE, isGuestPath } from './mode';

/** The guest list's query from a location's fragment ("#q=nhs&status=applied"). */
export function guestListQuery(hash: string): ListQuery {
  return parseListQuery(new URLSearchParams(hash.replace(/^#/, '')));
}

/** The page showing this application, its id in the fragment. */
export const guestDetail = (id: string) => `${GUEST_APPLICATION}#${id}`;
/** The edit form of this application. */
export const guestEdit = (id: string) => `${GUEST_EDIT}#${id}`;
/** The delete step of this application. */
export const guestDelete = (id: string) => `${GUEST_DELETE}#${id}`;

/** The application id a guest page's fragment names ("#<id>"), or '' when it names none. */
export function guestIdFromHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/** The event a guest event page's fragment names ("#<application id>/<event id>"). */
export function guestEventFromHash(hash: string): { applicationId: string; eventId: string } {
  const [applicationId = '', eventId = ''] = guestIdFromHash(hash).split('/');
  return { applicationId, eventId };
}

/** The tracker's addresses in guest mode. */
export const GUEST_PATHS: TrackerPaths = {
  home: GUEST_HOME,
  list: (query = {}) => {
    const search = listQuerySearch(query);
    return `${GUEST_LIST}${search ? `#${search.slice(1)}` : ''}`;
  },
  listPath: GUEST_LIST,
  detail: guestDetail,
  edit: guestEdit,
  newApplication: `${GUEST_LIST}/new`,
  board: GUEST_BOARD,
  clientOnly: true,
  newEvent: (id) => `${GUEST_NEW_EVENT}#${id}`,
  event: (id, eventId) => `${GUEST_EVENT}#${id}/${eventId}`,
  followUp: (id) => `${GUEST_FOLLOW_UP}#${id}`,
  // A guest's history entry is "<application id>-<its place in the stored history>" (historyOf).
  historyDate: (id, changeId) => `${GUEST_HISTORY}#${id}/${changeId.slice(id.length + 1)}`,
  // Made in the browser from the stored data; the calendar code loads on the first one asked for.
  calendarFile: (id, eventId) => () =>
    void import('./calendar').then((m) => m.downloadGuestCalendar(id, eventId)),
  dashboardAction: `${GUEST_HOME}?index`,
  // Guest mode has no settings page: the default number of weeks applies.
  trackerSettings: null,
  stats: GUEST_STATS,
  log: GUEST_LOG,
};
