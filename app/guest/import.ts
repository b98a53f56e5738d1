// A JSON backup read back into guest mode: the same parser as the account's import, and the same
// identity rule (decision 024): an application already held under its id is skipped.
import { parseWithZod } from '@conform-to/zod';
import type { FormReply } from '~/components/forms';
import { parseExport } from '~/portability/format';
import { ImportUploadSchema } from '~/portability/import-schema';
import { GuestStorageError, updateGuest } from './storage';

export type GuestImportResult =
  { ok: true; added: number; skipped: number } | { ok: false; reply: FormReply };

/** Adds a backup file's applications to the guest's, skipping those already there. */
export async function importBackup(formData: FormData): Promise<GuestImportResult> {
  const submission = parseWithZod(formData, { schema: ImportUploadSchema });
  if (submission.status !== 'success') return { ok: false, reply: submission.reply() };
  const refuse = (message: string) => ({
    ok: false as const,
    reply: submission.reply({ fieldErrors: { file: [message] }, hideFields: ['file'] }),
  });
  const parsed = parseExport(await submission.value.file.text());
  if (!parsed.ok) return refuse(parsed.message);
  let added = 0;
  try {
    updateGuest((apps) => {
      const held = new Set(apps.map((a) => a.id));
      const fresh = parsed.document.applications.filter((a) => !held.has(a.id));
      added = fresh.length;
      // Statements stay behind: guest mode has no Statement Builder to show them.
      return [...apps, ...fresh.map((a) => ({ ...a, statements: [] }))];
    });
  } catch (error) {
    if (error instanceof GuestStorageError) return refuse(error.message);
    throw error;
  }
  return { ok: true, added, skipped: parsed.document.applications.length - added };
}
