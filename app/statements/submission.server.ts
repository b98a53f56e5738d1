// Reading a builder form submission, the same way for every route that receives one.
import { parseWithZod } from '@conform-to/zod';
import { isUuid } from '~/applications/application-schema';
import { inputsFrom } from './inputs';
import { isKind, type Kind } from './kinds';
import { builderSchema } from './schema';

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

/** Parses the builder form (Conform's submission, with the inputs when valid). */
export function parseBuilder(formData: FormData) {
  const kind = kindOf(formData);
  const submission = parseWithZod(formData, { schema: builderSchema(kind) });
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
