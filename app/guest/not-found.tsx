import { Link } from '@remix-run/react';
import { GUEST_LIST } from './paths';

/** An application that is not (or no longer) in this browser, said inside guest mode. */
export function GuestNotFound() {
  return (
    <div className="page narrow error-page" role="alert">
      <h1>Application not found</h1>
      <p>It is not in this browser: it may have been deleted, perhaps in another tab.</p>
      <p>
        <Link to={GUEST_LIST}>Go to your guest applications</Link>
      </p>
    </div>
  );
}
