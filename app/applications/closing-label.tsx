import { clockTime } from './closing';
import { closesIn, daysBetween, formatDate, hasClosed, type LondonNow } from './dates';

/**
 * When an advert closes, in words a person scans for: "Closes in 3 days", "Closes today at 12:00",
 * "Closed", with the date beside it, and "may close early" when the advert warns of it.
 */
export function ClosingLabel({
  closingDate,
  closingTime,
  mayCloseEarly = false,
  now,
  showDate = true,
}: {
  closingDate: string | null;
  closingTime: string | null;
  mayCloseEarly?: boolean;
  now: LondonNow;
  showDate?: boolean;
}) {
  if (!closingDate) return <span className="muted">No closing date</span>;
  const closed = hasClosed(closingDate, closingTime, now);
  const urgent = !closed && daysBetween(now.date, closingDate) <= 1;
  const time = clockTime(closingTime);
  const words = closesIn(closingDate, now, closingTime);
  // "Closes today at 12:00" already gives the time.
  const dateText = `${formatDate(closingDate)}${time && !words.includes(time) ? `, ${time}` : ''}`;
  return (
    <span className="closing">
      <span
        className={`days-left${urgent ? ' days-left--urgent' : ''}${closed ? ' days-left--closed' : ''}`}
      >
        {words}
      </span>
      {showDate ? <span className="muted"> {dateText}</span> : null}
      {mayCloseEarly && !closed ? <span className="early"> May close early</span> : null}
    </span>
  );
}
