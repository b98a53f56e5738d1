import type { AppLoadContext } from '@remix-run/cloudflare';
import { requireUser, requireUserClaim } from '~/auth/current-user.server';
import { isTooLarge, readForm } from '~/components/forms/form.server';
import { MAX_IMPORT_BODY } from './import-schema';

/**
 * An import step's body (a JobTrack export or a spreadsheet, up to MAX_IMPORT_BODY), read only
 * once the session is confirmed, so a made-up or ended session goes to sign in without costing the
 * read and parse of 10 MB. `who` is the claim to act as: the step's reads and writes check it again
 * in their own flight, so a session ended during a slow upload adds nothing. `formData` is null
 * for a body over the limit.
 */
export async function readImportStep(request: Request, context: AppLoadContext) {
  const user = await requireUser(request, context);
  let formData: FormData | null = null;
  try {
    formData = await readForm(request, { maxBytes: MAX_IMPORT_BODY });
  } catch (error) {
    if (!isTooLarge(error)) throw error;
  }
  return { user, who: await requireUserClaim(request, context), formData };
}
