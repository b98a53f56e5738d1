// A guest's applications as the guest pages read them. Changes live apart (changes.ts, and the
// form handling in actions.ts and event-actions.ts), so a page loads them with its first change.
import type { ExportedApplication } from '~/portability/format';
import { readGuest } from './storage';

const notFound = () => new Response('Not found', { status: 404 });

/** The guest's application with this id, or a 404. */
export async function requireGuestApplication(
  id: string | undefined,
): Promise<ExportedApplication> {
  const read = await readGuest();
  const found = read.ok ? read.document.applications.find((a) => a.id === id) : undefined;
  if (!found) throw notFound();
  return found;
}

/** Every application the guest has (none while the data cannot be read: the layout says why). */
export async function guestApplications(): Promise<ExportedApplication[]> {
  const read = await readGuest();
  return read.ok ? read.document.applications : [];
}
