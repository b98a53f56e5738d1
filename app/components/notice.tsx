// Notices arrive as a fixed key in the URL (?notice=deleted) and map to fixed text, so nothing a
// link's author types is ever echoed onto the page (and no flash cookie is needed).

/** The message for a notice key, or null for anything unknown (including "toString"). */
export function pickNotice(messages: Record<string, string>, key: string | null): string | null {
  return key && Object.hasOwn(messages, key) ? messages[key]! : null;
}

/** A fixed message chosen by a `notice` query parameter; unknown values show nothing. */
export function Notice({
  messages,
  notice,
}: {
  messages: Record<string, string>;
  notice: string | null;
}) {
  const message = pickNotice(messages, notice);
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}
