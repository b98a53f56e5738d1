// The browser's check of a form against its schema, loaded with zod when the form is first used
// (see useSchemaForm in ./form).
import { parseWithZod } from '@conform-to/zod';
import type { z } from 'zod';

/** The schema for a submission that sends only part of the form; undefined for the whole schema. */
export type SchemaFor = (formData: FormData) => z.AnyZodObject | undefined;

export function validate(formData: FormData, schema: z.ZodTypeAny, schemaFor?: SchemaFor) {
  const part = schemaFor?.(formData);
  if (!part) return parseWithZod(formData, { schema });
  // Only that part counts as checked: the fields it does not read show no error as the person
  // goes on typing (Conform revalidates every field a submission sent).
  return parseWithZod(onlyFields(formData, Object.keys(part.shape)), { schema: part });
}

function onlyFields(formData: FormData, names: string[]) {
  const kept = new FormData();
  for (const [name, value] of formData) if (names.includes(name)) kept.append(name, value);
  return kept;
}
