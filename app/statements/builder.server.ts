// The builder page's own action, shared by /statements/new and /statements/:id: saving the inputs,
// listing the criteria, adding and removing rows without JavaScript (Conform's intents), and
// explaining a Generate that the streaming route sent back (a 307 re-sends the form here).
import type { SubmissionResult } from '@conform-to/react';
import type { AppLoadContext } from '@remix-run/cloudflare';
import { data, redirect } from '@remix-run/cloudflare';
import { getUser } from '~/auth/session.server';
import { mergeCriteria, parseCriteria } from './criteria';
import { NOT_CONFIGURED_MESSAGE, SIGNED_OUT_MESSAGE, rateLimitMessage } from './messages';
import { withNotice } from './notices';
import { generationAllowance, saveInputs } from './store.server';
import { parseBuilder } from './submission.server';

export type BuilderReply = SubmissionResult<string[]>;

const reply = (result: BuilderReply, status = 200) => data(result, { status });

function notFound(): never {
  throw new Response('Not found', { status: 404, statusText: 'Not Found' });
}

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
 * Handles a POST to a builder page. `statementId` is the page's own statement (for /statements/:id),
 * which the form's hidden field must match.
 */
export async function builderAction(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
  statementId?: string,
) {
  if (statementId && formData.get('statementId') !== statementId) notFound();
  const intent = formData.get('intent');
  const { submission, inputs } = parseBuilder(
    formData,
    intent === 'generate' ? 'generate' : 'save',
  );

  const user = await getUser(request, context);
  if (!user) return reply(submission.reply({ formErrors: [SIGNED_OUT_MESSAGE] }), 401);

  if (intent === 'list-criteria') {
    const result = submission.reply();
    const listed = parseCriteria(String(formData.get('personSpec') ?? ''));
    const criteria = mergeCriteria(listed, submittedCriteria(formData));
    return reply({ ...result, initialValue: { ...(result.initialValue ?? {}), criteria } });
  }

  // Conform's own buttons (add or remove a criterion) and any invalid submission: the form again.
  if (submission.status !== 'success' || !inputs) {
    return reply(submission.reply(), submission.status === 'error' ? 400 : 200);
  }

  if (intent === 'generate') {
    // Only here when the streaming route refused before starting; say why, keep every value.
    if (!context.config.anthropic) {
      return reply(submission.reply({ formErrors: [NOT_CONFIGURED_MESSAGE] }), 503);
    }
    const perHour = context.config.statementGenerationsPerHour;
    const retryAt = await generationAllowance(context, user.id, perHour);
    if (retryAt)
      return reply(submission.reply({ formErrors: [rateLimitMessage(perHour, retryAt)] }), 429);
    return reply(
      submission.reply({ formErrors: ['That did not go through. Please press Generate again.'] }),
      409,
    );
  }

  const saved = await saveInputs(context, user.id, inputs, {
    statementId: submission.value.statementId,
    createKey: submission.value.submissionKey,
  });
  if (!saved) notFound();
  return redirect(withNotice(`/statements/${saved}`, 'inputs-saved'));
}
