// The builder page's own action, shared by /statements/new and /statements/:id: saving the inputs,
// listing the criteria, adding and removing rows without JavaScript (Conform's intents), and
// explaining a Generate that the streaming route sent back (a 307 re-sends the form here).
import type { AppLoadContext } from '@remix-run/cloudflare';
import { data, redirect } from '@remix-run/cloudflare';
import {
  AUTH_UNAVAILABLE,
  getUser,
  getUserClaimForForm,
  SessionEnded,
} from '~/auth/current-user.server';
import { UNAVAILABLE } from '~/auth/replies.server';
import type { FormReply } from '~/components/forms';
import { invalid, refuse } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';
import { notFound } from '~/http/not-found.server';
import { mergeCriteria, parseCriteria } from './criteria';
import { refusalMessage } from './allowance';
import { NOT_CONFIGURED_MESSAGE, SIGNED_OUT_MESSAGE } from './messages';
import { allowanceOf, generationRefusal, saveInputs, statementSavedUnder } from './store.server';
import { LIMITS } from './schema';
import { parseBuilder } from './submission.server';

/** Criteria rows as submitted (strings only), for carrying their evidence over. */
function submittedCriteria(formData: FormData) {
  const rows: Array<{ text: string; category: 'essential' | 'desirable'; evidence: string }> = [];
  for (
    let i = 0;
    formData.has(`criteria[${i}].text`) || formData.has(`criteria[${i}].evidence`);
    i++
  ) {
    rows.push({
      text: String(formData.get(`criteria[${i}].text`) ?? ''),
      category: formData.get(`criteria[${i}].category`) === 'desirable' ? 'desirable' : 'essential',
      evidence: String(formData.get(`criteria[${i}].evidence`) ?? ''),
    });
  }
  return rows;
}

/**
 * Handles a POST to a builder page. `statementId` is the page's own statement (for
 * /statements/:id), which the form's hidden field must match. Without an `intent` it saves.
 */
export async function builderAction(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
  statementId?: string,
) {
  if (statementId && formData.get('statementId') !== statementId) throw notFound();
  const signedOut = () => refuse(formData, SIGNED_OUT_MESSAGE, { status: 401 });
  const claim = await getUserClaimForForm(request, context);
  if (claim === AUTH_UNAVAILABLE) {
    return refuse(formData, UNAVAILABLE, { status: 503, headers: { 'Retry-After': '30' } });
  }
  if (!claim) return signedOut();

  const intent = formData.get('intent');
  const { submission, inputs } = parseBuilder(formData);
  // A save confirms the session in its own round trip; every other answer asks first.
  const saving =
    intent !== 'list-criteria' && intent !== 'generate' && submission.status === 'success';
  const user = saving ? null : await getUser(request, context);
  if (!saving && !user) return signedOut();

  if (intent === 'list-criteria') {
    // The form again, with the criteria listed from the pasted specification (no AI).
    const result = submission.reply();
    // Cut at the field's limit first: a longer text is refused on save anyway.
    const listed = parseCriteria(
      String(formData.get('personSpec') ?? '').slice(0, LIMITS.personSpec),
    );
    const criteria = mergeCriteria(listed, submittedCriteria(formData));
    return data<FormReply>({ ...result, initialValue: { ...result.initialValue, criteria } });
  }
  // Conform's own buttons (add or remove a criterion) answer the form as it now is.
  if (submission.status === undefined) return data<FormReply>(submission.reply());
  if (submission.status !== 'success' || !inputs) return invalid(submission);

  if (intent === 'generate') {
    // Only here when the streaming route refused before starting; say why, keep every value.
    if (!context.config.anthropic) {
      return invalid(submission, { formErrors: [NOT_CONFIGURED_MESSAGE] }, { status: 503 });
    }
    // Only the confirmed person's id goes to asUser, never the claim's (unconfirmed) one.
    if (!user) return signedOut();
    const refusal = await generationRefusal(context, user.id, allowanceOf(context));
    const message = refusal
      ? refusalMessage(refusal)
      : 'That did not go through. Please press Generate again.';
    if (!submission.value.statementId) {
      // A refused press may have saved the inputs as a statement, under its one-time key: the
      // form carries that statement's id back, so the next press goes there, not to a new one.
      const saved = await statementSavedUnder(context, user.id, submission.value.submissionKey);
      if (saved) submission.payload.statementId = saved;
    }
    return invalid(submission, { formErrors: [message] }, { status: refusal ? 429 : 409 });
  }

  let saved: string | null;
  try {
    saved = await saveInputs(context, claim, inputs, {
      statementId: submission.value.statementId,
      createKey: submission.value.submissionKey,
    });
  } catch (error) {
    // The session was found to have ended in the same round trip as the save, which did not run.
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
  if (!saved) throw notFound();
  return redirect(withNotice(`/statements/${saved}`, 'inputs-saved'));
}
