// Salaries are kept as whole pounds a year (a minimum and a maximum, either may be missing) plus a
// free-text note for what figures cannot say ("pro rata", an hourly rate). Browser-safe.

/** The largest salary a form accepts, in pounds. */
export const MAX_SALARY = 9_999_999;

const POUNDS = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*(k)?$/i;

/** The amount typed into a salary box, pence and all: "32.5k" is 32500, "26,500.50" 26500.5. */
function amountIn(text: string): number | null {
  const m = POUNDS.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]!.replaceAll(',', '') + (m[2] ?? '')) * (m[3] ? 1000 : 1);
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads an amount typed into a salary box: "32000", "32,000", "£32,000.00", "32k", "32.5k".
 * Whole pounds (pence are rounded: a spreadsheet's "26500.50" imports); null for anything else.
 * The form asks for whole pounds itself (hasPence).
 */
export function parsePounds(text: string): number | null {
  const amount = amountIn(text);
  return amount === null ? null : Math.round(amount);
}

/** Whether an amount parsePounds reads has pence in it ("26,500.50", an hourly "12.50"). */
export function hasPence(text: string): boolean {
  const amount = amountIn(text);
  return amount !== null && Math.round(amount * 100) % 100 !== 0;
}

/** Pounds as "£32,000", grouped by hand so the server and the browser print the same. */
export function formatPounds(amount: number): string {
  return `£${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** A salary in words: "£32,000 to £36,000, pro rata", "From £30,000", "" for none at all. */
export function formatSalary(
  min: number | null | undefined,
  max: number | null | undefined,
  note?: string | null,
): string {
  let figures = '';
  if (min != null && max != null)
    figures = min === max ? formatPounds(min) : `${formatPounds(min)} to ${formatPounds(max)}`;
  else if (min != null) figures = `From ${formatPounds(min)}`;
  else if (max != null) figures = `Up to ${formatPounds(max)}`;
  return [figures, note?.trim()].filter(Boolean).join(', ');
}
