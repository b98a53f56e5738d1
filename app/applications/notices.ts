// Notices arrive as a fixed key in the URL (?notice=deleted) and map to fixed text, so nothing a
// link's author types is ever echoed onto the page.
const NOTICES: Record<string, string> = {
  deleted: 'The application has been deleted.',
};

/** The message for a notice key, or null for anything unknown. */
export function noticeMessage(key: string | null): string | null {
  return key && Object.hasOwn(NOTICES, key) ? NOTICES[key]! : null;
}
