// Guest mode's addresses. The list's filters travel in the fragment (#q=…), which browsers never
// send to a server; paths hold nothing but random local ids (docs/decisions/025).
import { listQuerySearch, parseListQuery, type ListQuery } from '~/applications/list-query';
import type { TrackerPaths } from '~/applications/paths';

/** Where guest mode starts. */
export const GUEST_HOME = '/guest';
export const GUEST_LIST = '/guest/applications';
/** The move into an account. */
export const GUEST_MOVE = '/guest/move';

/** True for an address inside guest mode, where nothing may be sent anywhere. */
export function isGuestPath(pathname: string): boolean {
  return pathname === GUEST_HOME || pathname.startsWith(`${GUEST_HOME}/`);
}

/** The guest list's query from a location's fragment ("#q=nhs&status=applied"). */
export function guestListQuery(hash: string): ListQuery {
  return parseListQuery(new URLSearchParams(hash.replace(/^#/, '')));
}

/** The tracker's addresses in guest mode. */
export const GUEST_PATHS: TrackerPaths = {
  home: GUEST_HOME,
  list: (query = {}) => {
    const search = listQuerySearch(query);
    return `${GUEST_LIST}${search ? `#${search.slice(1)}` : ''}`;
  },
  listPath: GUEST_LIST,
  detail: (id) => `${GUEST_LIST}/${id}`,
  newApplication: `${GUEST_LIST}/new`,
  board: null,
  clientOnly: true,
};
