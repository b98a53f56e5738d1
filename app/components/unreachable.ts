// The browser's own failure to reach JobTrack (offline, or the connection dropped mid-page), told
// apart from a failure on our side, so the error page says what the person can do about it.

/** True for a failed fetch as Chromium, Firefox and Safari report one. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /failed to fetch|networkerror|load failed|network connection was lost/i.test(error.message)
  );
}

const CAUSE = 'Your device seems to be offline, or the connection dropped.';

export const UNREACHABLE = {
  title: 'JobTrack could not be reached',
  /** For a page that stores nothing in the browser: the account's pages. */
  message: `${CAUSE} Nothing you saved has been lost: check your connection and try again.`,
  /** For guest mode, which works offline but for the page that needed the server. */
  inGuestMode: `${CAUSE} Guest mode works without a connection, but this needs one. Your guest data has not been changed.`,
};
