// Notices are the messages shown after a redirect ("The application has been deleted."). They
// arrive as a fixed key in the URL (?notice=deleted) and map to fixed text here, so nothing a
// link's author types is ever echoed onto the page, and no flash cookie is needed. Add a notice by
// adding a key below; `withNotice` and `noticeFor` only take keys listed here, so a typo is a type
// error.

import { MOVE_UNDONE, STATUS_UNCHANGED } from '~/applications/move-said';

const NOTICES = {
  'account-deleted': 'Your account and all its data have been deleted.',
  'choose-password':
    'Your email address is confirmed and you are signed in. The password this account was ' +
    'created with has been removed, because it was not entered: choose a new one below to sign ' +
    'in with a password, or keep using emailed sign-in links.',
  'password-changed':
    'Your password has been changed. You have been signed out on every other device.',
  'password-reset':
    'Your new password is set. You are signed in here and signed out everywhere else.',
  'password-set': 'Your password is set. You can now sign in with it.',
  'signed-out': 'You have been signed out.',
  'google-cancelled':
    'Sign in with Google was cancelled, so you are not signed in. You can try again or use your email address.',
  'google-failed':
    'Sign in with Google did not complete. Please try again, or sign in with your email address.',
  'google-age':
    'You are not signed in yet. JobTrack is for people aged 18 and over: to use it with your ' +
    'Google account, tick “I am 18 or over” below, then choose Continue with Google.',
  'signed-out-others':
    'You have been signed out on every other device. You are still signed in here.',
  deleted: 'The application has been deleted.',
  // An application's page draws this one with the move and its date (applications/detail.tsx).
  'status-changed': 'The status has been changed.',
  'status-undone': MOVE_UNDONE,
  'status-unchanged': STATUS_UNCHANGED,
  'inputs-saved': 'Your inputs are saved. Nothing has been sent to Claude.',
  'version-saved': 'Your changes to this version are saved.',
  'version-deleted': 'The version was deleted.',
  'version-stopping':
    'Stopping: Claude stops within a second or two, and the words written so far are kept. This page looks again every few seconds.',
  'statement-deleted': 'The statement and all its versions were deleted.',
  'calendar-revoked':
    'Your calendar feed is turned off. Calendars subscribed to it get nothing new from JobTrack.',
  'tracker-settings-saved': 'Your setting is saved.',
  imported: 'Your JobTrack export has been imported. Anything already in your account was skipped.',
  moved:
    'Your applications from guest mode are now in your account. Anything already in it was skipped.',
  'csv-imported':
    'Your spreadsheet has been imported. Rows already in your account, and rows with problems, were skipped.',
} as const;

/** The name of a notice in the URL. */
export type NoticeKey = keyof typeof NOTICES;

/** `path` with a notice to show once the redirect lands: `withNotice('/account', 'password-changed')`. */
export function withNotice(path: string, key: NoticeKey): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${key}`;
}

/**
 * The text of the notice this request was redirected with, if it is one that this page shows;
 * null for none, for another page's, and for anything unknown (including "toString").
 */
export function noticeFor(request: Request, shown: readonly NoticeKey[]): string | null {
  const match = noticeKeyFor(request, shown);
  return match ? NOTICES[match] : null;
}

/** The key of the notice this request was redirected with, if it is one of `shown`; else null. */
export function noticeKeyFor<K extends NoticeKey>(request: Request, shown: readonly K[]): K | null {
  const key = new URL(request.url).searchParams.get('notice');
  return shown.find((candidate) => candidate === key) ?? null;
}

/** A notice's text, announced politely to screen readers; nothing for null. */
export function Notice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}
