// The browser's own failure to reach JobTrack (offline, or the connection dropped mid-page), told
// apart from a failure on our side, so the error page says what the person can do about it.

/** True for a failed fetch as Chromium, Firefox and Safari report one. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /failed to fetch|networkerror|load failed|network connection was lost/i.test(error.message)
  );
}

export const UNREACHABLE = {
  title: 'JobTrack could not be reached',
  message:
    'Your device seems to be offline, or the connection dropped. Nothing you saved has been lost: check your connection and try again.',
};
