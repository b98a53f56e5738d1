// Messages shown after a redirect (?notice=<key>, see docs/decisions/003): a fixed map, so input
// from the URL is never echoed, and a typo in a key is a type error where the redirect is written.

export const STATEMENT_NOTICES = {
  'inputs-saved': 'Your inputs are saved. Nothing has been sent to Claude.',
  'version-saved': 'Your changes to this version are saved.',
  'version-deleted': 'The version was deleted.',
  'statement-deleted': 'The statement and all its versions were deleted.',
} as const;

export type StatementNotice = keyof typeof STATEMENT_NOTICES;

/** `path` with `?notice=<key>` (or `&notice=`) added. */
export function withNotice(path: string, notice: StatementNotice): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}`;
}

/** A notice key from the URL, or null for anything unknown. */
export function noticeKey(key: string | null): StatementNotice | null {
  return key && key in STATEMENT_NOTICES ? (key as StatementNotice) : null;
}

/** The message for a notice key from the URL, or null for anything unknown. */
export function statementNotice(key: string | null): string | null {
  const known = noticeKey(key);
  return known ? STATEMENT_NOTICES[known] : null;
}
