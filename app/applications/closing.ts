// Closing times. An advert closes at the end of its closing date unless it says otherwise (Civil
// Service Jobs adverts close at 23:55), in London time. Browser-safe.

/** The time an advert without a closing time closes. */
export const END_OF_DAY = '23:59';

/** The closing time Civil Service Jobs adverts use. */
export const CIVIL_SERVICE_CLOSING = '23:55';

const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

/**
 * Reads a time typed as people write them ("23:55", "9.30", "5pm", "11:55 p.m.", "noon",
 * "midday") into HH:MM; null for anything else, including "midnight", which is ambiguous.
 */
export function parseClockTime(text: string): string | null {
  const typed = text.trim().toLowerCase();
  if (typed === 'noon' || typed === 'midday' || typed === '12 noon') return '12:00';
  const m = CLOCK.exec(typed);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const half = m[3]?.replaceAll('.', '');
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (m[2] === undefined) {
    return null; // "5" alone could be morning or evening
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A stored time ("23:55:00") as HH:MM; '' for none. */
export function clockTime(stored: string | null | undefined): string {
  return stored ? stored.slice(0, 5) : '';
}
