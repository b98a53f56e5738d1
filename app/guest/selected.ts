// A guest application page's record: the one its fragment names (docs/decisions/025).
import { useLocation } from '@remix-run/react';
import { useMemo } from 'react';
import type { ExportedApplication } from '~/portability/format';
import { guestIdFromHash } from './paths';

/** The application among these whose id is in the fragment `hash`, or null. */
export function selectedApplication(
  applications: readonly ExportedApplication[] | undefined,
  hash: string,
): ExportedApplication | null {
  const id = guestIdFromHash(hash);
  return (id && applications?.find((a) => a.id === id)) || null;
}

/** The application the current page's fragment names, or null (not in this browser). */
export function useSelectedApplication(
  applications: readonly ExportedApplication[],
): ExportedApplication | null {
  const { hash } = useLocation();
  return useMemo(() => selectedApplication(applications, hash), [applications, hash]);
}
