// Reading a builder form submission, the same way for every route that receives one.
import { parseWithZod } from '@conform-to/zod';
import { isUuid } from '~/applications/schema';
import { inputsFrom } from './inputs';
import { isKind, type Kind } from './kinds';
import { builderSchema, type Intent } from './schema';

/** The form's kind, or a 400 for a form that is not the builder's. */
export function kindOf(formData: FormData): Kind {
  const kind = formData.get('kind');
  if (!isKind(kind)) {
    throw new Response('That form could not be handled. Please go back and try again.', {
      status: 400,
    });
  }
  return kind;
}

/** Parses the builder form for `intent` (Conform's submission, with the inputs when valid). */
export function parseBuilder(formData: FormData, intent: Intent) {
  const kind = kindOf(formData);
  const submission = parseWithZod(formData, { schema: builderSchema(kind, intent) });
  const inputs = submission.status === 'success' ? inputsFrom(submission.value) : null;
  return { kind, submission, inputs };
}

/** The builder page this form came from: the statement's page, or a new one of its kind. */
export function builderUrl(formData: FormData): string {
  const statementId = formData.get('statementId');
  if (isUuid(statementId)) return `/statements/${statementId}`;
  const kind = formData.get('kind');
  const params = new URLSearchParams();
  if (isKind(kind)) params.set('kind', kind);
  const applicationId = formData.get('applicationId');
  if (isUuid(applicationId)) params.set('application', applicationId);
  return `/statements/new?${params}`;
}
