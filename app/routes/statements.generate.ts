// POST /statements/generate: the Generate button. Answers with the draft as Claude writes it:
// one JSON event a line for the enhanced form (it asks with Accept: application/x-ndjson), or an
// HTML page that renders as it arrives without JavaScript. Anything that stops a draft before it
// starts goes back to the builder page without JavaScript (a 307 re-sends the form, so the page
// shows the message beside what was typed), or as JSON with JavaScript.
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { getUser } from '~/auth/current-user.server';
import { isLocalDevelopment } from '~/http/security.server';
import { readForm } from '~/components/forms/form.server';
import { htmlAnswer, ndjsonAnswer } from '~/statements/answers.server';
import { writeDraft } from '~/statements/generation.server';
import { refusalMessage } from '~/statements/allowance';
import { NOT_CONFIGURED_MESSAGE, SIGNED_OUT_MESSAGE } from '~/statements/messages';
import { allowanceOf, beginGeneration } from '~/statements/store.server';
import { builderUrl, parseBuilder } from '~/statements/submission.server';

const NOT_FOUND = 'That statement or application was not found. It may have been deleted.';

// A resource route answers with a Response itself (Remix would drop a data() status here).
const json = (body: object, status: number) => Response.json(body, { status });

// Fields that belong to one press of the button, not to the inputs.
const PER_PRESS = new Set(['submissionKey', 'statementId', 'intent', '__intent__']);

export async function loader() {
  // Only the form posts here; a GET (a reload of the answer page, say) goes to the list.
  return redirect('/statements');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const enhanced = (request.headers.get('Accept') ?? '').includes('application/x-ndjson');
  const formData = await readForm(request);
  // Without JavaScript the builder page explains any refusal beside the typed values.
  const back = () => redirect(builderUrl(formData), 307);
  const refuse = (status: number, formErrors: string[], extra: object = {}) =>
    enhanced ? json({ formErrors, ...extra }, status) : back();

  const user = await getUser(request, context);
  if (!user) return refuse(401, [SIGNED_OUT_MESSAGE]);
  const anthropic = context.config.anthropic;
  if (!anthropic) return refuse(503, [NOT_CONFIGURED_MESSAGE]);

  // Whatever button sent it, this endpoint only generates, so it checks what a draft needs.
  formData.set('intent', 'generate');
  const { kind, submission, inputs } = parseBuilder(formData);
  if (submission.status !== 'success' || !inputs) {
    return enhanced ? json({ reply: submission.reply() }, 400) : back();
  }
  const begun = await beginGeneration(context, user.id, inputs, {
    statementId: submission.value.statementId,
    submissionKey: submission.value.submissionKey,
    allowance: allowanceOf(context),
  });
  if (!begun.ok) {
    switch (begun.reason) {
      case 'not-found':
        if (enhanced) return json({ formErrors: [NOT_FOUND] }, 404);
        throw new Response(NOT_FOUND, { status: 404 });
      case 'rate-limited':
        return refuse(429, [refusalMessage(begun.refusal)], {
          statementId: begun.statementId,
        });
      case 'duplicate': {
        // The same press arrived twice: the first one is writing (or wrote) this version.
        const url = `/statements/${begun.statementId}/versions/${begun.versionId}`;
        return enhanced ? json({ duplicate: url }, 409) : redirect(url, 303);
      }
    }
  }

  const events = writeDraft(context, user.id, begun, inputs, anthropic);
  if (enhanced) return ndjsonAnswer(events);
  return htmlAnswer(events, {
    ...begun,
    kind,
    jobTitle: inputs.jobTitle,
    again: [...formData].flatMap(([name, value]) =>
      typeof value === 'string' && !PER_PRESS.has(name) ? [[name, value] as [string, string]] : [],
    ),
    showOutbox: context.config.authMode === 'local' && isLocalDevelopment(request),
  });
}
