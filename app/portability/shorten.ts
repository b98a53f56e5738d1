/** A value from a file, quoted in a message: its first 40 characters (a cell may hold a megabyte). */
export function shorten(text: string): string {
  const value = text.trim();
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}
