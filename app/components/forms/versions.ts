// Two tabs (or, with an account, two devices) editing the same record: an edit form carries the
// `updatedAt` of the record as it opened it, and a save (or delete) whose record was saved since
// is refused rather than silently undoing the other change. The refusal names the newer version,
// so sending the same form again, once told, is the person's choice to replace it. Used for
// applications and their dates, in guest mode (in the browser) and in accounts (in the UPDATE).
import { useEffect, useState } from 'react';

/** The hidden field that carries the version a form opened. */
export const OPENED_VERSION = 'updatedAt';

/** Where else a record can change while its form is open: a guest's data is in one browser. */
export type Elsewhere = 'another tab' | 'another tab or on another device';

/** Where an account's records can change while a form is open. */
export const IN_AN_ACCOUNT: Elsewhere = 'another tab or on another device';

/** The refusal of an edit whose record was saved elsewhere after the form opened. */
export const changedElsewhere = (record: 'application' | 'date', where: Elsewhere) =>
  `This ${record} was changed in ${where} after you opened this form, so this change was not saved. What you typed is still here: save again to replace those changes with this form, or cancel to see them.`;

/** The refusal of a date's delete button when the date was saved elsewhere after the page opened. */
export const changedBeforeDelete = (where: Elsewhere) =>
  `This date was changed in ${where} after you opened this page, so it was not deleted. Go back to the application to see the change, or delete it again if you still want it gone.`;

/** A date's delete button's refusal, shown beside it, with the newer version it now carries. */
export type DeleteRefusal = { deleteRefused: string; updatedAt?: string };

/**
 * The version a form says it opened, as an ISO instant; null when it says none, or sends
 * something that is not one (a form from before versions, or a hand-made request).
 */
export function openedVersion(formData: FormData): string | null {
  const opened = formData.get(OPENED_VERSION);
  if (typeof opened !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(opened)) {
    return null;
  }
  return Number.isNaN(Date.parse(opened)) ? null : opened;
}

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
 * "changed elsewhere" refusal named. A refusal that names none (the session ended) hands back
 * the version that was sent, for the page drawn without the record (no JavaScript).
 */
export function useOpenedVersion(updatedAt: string, lastResult: unknown): string {
  const [basis, setBasis] = useState(updatedAt);
  const seen = versionIn(lastResult);
  useEffect(() => {
    if (seen) setBasis(seen);
  }, [seen]);
  return seen ?? basis;
}

function versionIn(reply: unknown): string | null {
  if (!reply || typeof reply !== 'object') return null;
  if (OPENED_VERSION in reply) return String(reply[OPENED_VERSION]);
  const sent = (reply as { initialValue?: Record<string, unknown> | null }).initialValue?.[
    OPENED_VERSION
  ];
  return typeof sent === 'string' && sent ? sent : null;
}
