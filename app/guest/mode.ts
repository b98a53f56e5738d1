// Where guest mode lives, for every page: the root and analytics ask whether a page is in it.
// Apart from paths.ts, whose list addresses bring the list's query code along.

/** Where guest mode starts. */
export const GUEST_HOME = '/guest';
export const GUEST_LIST = '/guest/applications';
/** The move into an account. */
export const GUEST_MOVE = '/guest/move';

/** True for an address inside guest mode, where nothing may be sent anywhere. */
export function isGuestPath(pathname: string): boolean {
  return pathname === GUEST_HOME || pathname.startsWith(`${GUEST_HOME}/`);
}
