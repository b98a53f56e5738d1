// Two tabs editing the same record: an edit form carries the `updatedAt` of the record as it
// opened it, and a save (or delete) whose record was saved since is refused rather than silently
// undoing the other tab's change. The refusal names the newer version, so sending the same form
// again, once told, is the person's choice to replace it. Used for applications and their dates.
import { useEffect, useState } from 'react';

/** The hidden field that carries the version a form opened. */
export const OPENED_VERSION = 'updatedAt';

/**
 * The stored record's `updatedAt` when the form opened an older version, else null (nothing
 * changed since, or the form did not say). The refusal carries it back to the form, whose hidden
 * field then sends it (useOpenedVersion).
 */
export function changedSinceOpened(formData: FormData, stored: { updatedAt: string }) {
  const opened = formData.get(OPENED_VERSION);
  return typeof opened !== 'string' || opened === stored.updatedAt ? null : stored.updatedAt;
}

/**
 * The version an edit form sends: the record as the form opened it (the form keeps its opening
 * values while another tab saves, as a storage event reloads the data), or the newer one that a
 * "changed in another tab" refusal named.
 */
export function useOpenedVersion(updatedAt: string, lastResult: unknown): string {
  const [basis, setBasis] = useState(updatedAt);
  const seen =
    lastResult && typeof lastResult === 'object' && OPENED_VERSION in lastResult
      ? String(lastResult[OPENED_VERSION])
      : null;
  useEffect(() => {
    if (seen) setBasis(seen);
  }, [seen]);
  return seen ?? basis;
}
