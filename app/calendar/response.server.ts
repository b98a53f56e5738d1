// How calendar files are sent: as text/calendar, never stored by a shared cache (each holds one
// person's plans), never indexed.

/** An iCalendar response; `filename` makes it a download, none serves it to calendar apps. */
export function calendarResponse(text: string, filename?: string): Response {
  const headers = new Headers({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'private, no-store',
    'X-Robots-Tag': 'noindex, nofollow',
  });
  if (filename) headers.set('Content-Disposition', `attachment; filename="${filename}"`);
  return new Response(text, { headers });
}
