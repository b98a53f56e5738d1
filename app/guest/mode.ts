// Where guest mode lives, for every page: the root and analytics ask whether a page is in it,
// and the signed-in dashboard whether this browser holds a guest's data. Apart from paths.ts, whose
// list addresses bring the list's query code along.

/** The localStorage key holding a guest's data (written and read by storage.ts). */
export const GUEST_KEY = 'jobtrack-guest';

/** Where guest mode starts. */
export const GUEST_HOME = '/guest';
export const GUEST_LIST = '/guest/applications';
/** The move into an account. */
export const GUEST_MOVE = '/guest/move';

/** True for an address inside guest mode, where nothing may be sent anywhere. */
export function isGuestPath(pathname: string): boolean {
  return pathname === GUEST_HOME || pathname.startsWith(`${GUEST_HOME}/`);
}
