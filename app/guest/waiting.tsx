// The signed-in dashboard's reminder that this browser still holds a guest's applications, with
// the way to move them in. Someone who tried guest mode and then created an account lands on the
// dashboard after confirming their email, far from guest mode; without this they would think their
// applications were lost.
import { Link } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { GUEST_KEY, GUEST_MOVE } from './mode';

/**
 * How many applications the guest data in this browser holds: 0 when there is none or it cannot be
 * read. Only counted, not checked: the move page reads it through storage.ts, which checks it.
 */
export function guestApplicationCount(storage: Pick<Storage, 'getItem'>): number {
  try {
    const stored: unknown = JSON.parse(storage.getItem(GUEST_KEY) ?? 'null');
    const applications = (stored as { data?: { applications?: unknown } } | null)?.data
      ?.applications;
    return Array.isArray(applications) ? applications.length : 0;
  } catch {
    return 0;
  }
}

/** Nothing until the page has run in the browser, and nothing when there is no guest data. */
export function GuestDataWaiting() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    try {
      setCount(guestApplicationCount(window.localStorage));
    } catch {
      // Storage turned off: there can be no guest data either.
    }
  }, []);
  if (count === 0) return null;
  return (
    <p className="notice" role="status">
      This browser still holds {count === 1 ? '1 application' : `${count} applications`} from guest
      mode. <Link to={GUEST_MOVE}>Move {count === 1 ? 'it' : 'them'} into your account</Link>
    </p>
  );
}
