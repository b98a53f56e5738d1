// A JSON backup read back into guest mode: the same parser as the account's import, and the same
// identity rule (decision 024): an application already held under its id is skipped.
import { parseWithZod } from '@conform-to/zod';
import type { FormReply } from '~/components/forms';
import { datesToAdd } from '~/portability/date-fill';
import { parseExport } from '~/portability/format';
import { ImportUploadSchema } from '~/portability/import-schema';
import { isSpreadsheet, SPREADSHEET_GIVEN_TO_GUEST } from '~/portability/import-steps';
import { GuestStorageError, updateGuest } from './save';

export type GuestImportResult =
  | { ok: true; added: number; skipped: number; datesAdded: number; statementsLeft: number }
  | { ok: false; reply: FormReply };

/**
 * Adds a backup file's applications to the guest's, skipping those already there. An account's
 * file may hold statements, which guest mode cannot keep (the Statement Builder needs an account):
 * how many were left in the file is returned, so the page says so rather than dropping them quietly.
 */
export async function importBackup(formData: FormData): Promise<GuestImportResult> {
  const submission = parseWithZod(formData, { schema: ImportUploadSchema });
  if (submission.status !== 'success') return { ok: false, reply: submission.reply() };
  const refuse = (message: string) => ({
    ok: false as const,
    reply: submission.reply({ fieldErrors: { file: [message] }, hideFields: ['file'] }),
  });
  const { file } = submission.value;
  if (isSpreadsheet(file)) return refuse(SPREADSHEET_GIVEN_TO_GUEST);
  const parsed = parseExport(await file.text());
  if (!parsed.ok) return refuse(parsed.message);
  let added = 0;
  let datesAdded = 0;
  try {
    await updateGuest((apps) => {
      const fromFile = new Map(parsed.document.applications.map((a) => [a.id, a]));
      // An application already here gains the file's dates this browser does not hold (by id),
      // by the account import's rule (datesToAdd: up to the limit, earliest first).
      const heldDates = new Set(apps.flatMap((a) => a.events.map((e) => e.id)));
      const kept = apps.map((a) => {
        const theirs = fromFile.get(a.id);
        if (!theirs) return a;
        const extra = datesToAdd(theirs.events, a.events.length, (id) => heldDates.has(id));
        datesAdded += extra.length;
        return extra.length > 0 ? { ...a, events: [...a.events, ...extra] } : a;
      });
      const held = new Set(apps.map((a) => a.id));
      const fresh = parsed.document.applications.filter((a) => !held.has(a.id));
      added = fresh.length;
      // Statements stay behind: guest mode has no Statement Builder to show them.
      return [...kept, ...fresh.map((a) => ({ ...a, statements: [] }))];
    });
  } catch (error) {
    if (error instanceof GuestStorageError) return refuse(error.message);
    throw error;
  }
  const { applications, statements } = parsed.document;
  const statementsLeft = applications.reduce((n, a) => n + a.statements.length, statements.length);
  return { ok: true, added, skipped: applications.length - added, datesAdded, statementsLeft };
}
