import { statusLabel } from './statuses';

/** A status as a small coloured label; the text, not the colour, carries the meaning. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-badge--${status}`}>{statusLabel(status)}</span>;
}
