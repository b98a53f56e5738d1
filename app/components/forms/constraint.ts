import { getZodConstraint } from '@conform-to/zod';
import type { z } from 'zod';

/**
 * What a form's fields draw from its schema (`required`, `maxLength`…), for the page's loader to
 * send, so that the page draws them without loading zod (see useSchemaForm). Guest pages, whose
 * clientLoaders run in the browser, call it there.
 */
export const constraintOf = (schema: z.ZodTypeAny) => getZodConstraint(schema);
