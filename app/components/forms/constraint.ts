import { getZodConstraint } from '@conform-to/zod';
import type { z } from 'zod';

/**
 * What a form's fields draw from its schema (`required`, `min`, `pattern`…), for the page's loader
 * to send, so that the page draws them without loading zod (see useSchemaForm). Guest pages, whose
 * clientLoaders run in the browser, call it there.
 *
 * Never `maxLength`: a browser cuts a longer paste to it without a word, so the person loses the
 * rest. The schema's own limit says so beside the field instead, with everything they typed kept.
 */
export function constraintOf(schema: z.ZodTypeAny) {
  return Object.fromEntries(
    Object.entries(getZodConstraint(schema)).map(([name, { maxLength: _cut, ...kept }]) => [
      name,
      kept,
    ]),
  );
}
