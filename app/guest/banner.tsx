import { Link, useLocation } from '@remix-run/react';
import type { ExportDocument } from '~/portability/format';
import { exportCsv, exportJson } from './downloads';
import { GUEST_HOME, GUEST_MOVE } from './paths';

/**
 * Shown on every guest page: that this is guest mode (signed in: that these are not the account's
 * applications), that the data lives only in this browser, and the ways to keep it (a backup to
 * download once there is something in it, a backup's import, the move into an account once there
 * is something to move, except on the move's own page).
 */
export function GuestBanner({
  document,
  signedIn,
}: {
  document: ExportDocument | null;
  signedIn: boolean;
}) {
  const onMovePage = useLocation().pathname.replace(/\/$/, '') === GUEST_MOVE;
  // Nothing to move (all of it moved into an account already, say): no offer to move it.
  const empty = document !== null && document.applications.length === 0;
  return (
    <aside className="guest-banner" aria-label="Guest mode">
      <p>
        <strong>
          {signedIn
            ? 'These are guest applications, not your account’s.'
            : 'You are using JobTrack as a guest.'}
        </strong>{' '}
        {signedIn ? 'They are' : 'Your applications are'} kept only in this browser, on this device;
        nothing is sent to our servers. Clearing your browser’s data deletes them.
      </p>
      <div className="guest-banner__actions">
        {document && document.applications.length > 0 ? (
          <>
            <button
              type="button"
              className="button--small button--secondary"
              onClick={() => exportJson(document)}
            >
              Download a backup
            </button>
            <button
              type="button"
              className="button--small button--secondary"
              onClick={() => void exportCsv(document)}
            >
              Download applications (CSV)
            </button>
          </>
        ) : null}
        <Link to={`${GUEST_HOME}/data`}>Import a backup</Link>
        {onMovePage || empty ? null : (
          <Link to={GUEST_MOVE} className="button button--small">
            {signedIn ? 'Move into my account' : 'Keep them in an account'}
          </Link>
        )}
      </div>
    </aside>
  );
}
