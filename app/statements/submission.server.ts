// Reading a builder form submission, the same way for every route that receives one.
import { parseWithZod } from '@conform-to/zod';
import { isUuid } from '~/http/uuid';
import { MAX_CRITERIA } from './criteria';
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

// A row index past this is never sent by the page (it stops adding rows at MAX_CRITERIA; one more
// may be on its way in when a row is added), only by a hand-made post, which would otherwise
// make the form's parsing do work in proportion to the square of its rows.
const ROW = /^criteria\[(\d+)\]/;
function refuseTooManyRows(formData: FormData) {
  for (const name of formData.keys()) {
    const index = ROW.exec(name)?.[1];
    if (index !== undefined && Number(index) > MAX_CRITERIA) {
      throw new Response(`A statement can answer up to ${MAX_CRITERIA} criteria.`, {
        status: 400,
      });
    }
  }
}

/** Parses the builder form (Conform's submission, with the inputs when valid). */
export function parseBuilder(formData: FormData) {
  const kind = kindOf(formData);
  refuseTooManyRows(formData);
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
