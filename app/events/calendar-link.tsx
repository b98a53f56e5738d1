import type { ReactNode } from 'react';
import { useTrackerPaths } from '~/applications/paths';

/**
 * "Add to calendar": a download from the server for an account, a file made in the browser in
 * guest mode (whose data never goes to the server, not even to make a file of it).
 */
export function CalendarFileLink({
  applicationId,
  eventId,
  children,
}: {
  applicationId: string;
  /** The event's id; none for the application's follow-up date. */
  eventId?: string;
  children: ReactNode;
}) {
  const file = useTrackerPaths().calendarFile(applicationId, eventId);
  if (typeof file === 'string') {
    return (
      <a href={file} download>
        {children}
      </a>
    );
  }
  return (
    <button type="button" className="file-link" onClick={file}>
      {children}
    </button>
  );
}
