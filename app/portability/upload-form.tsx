import {
  FileField,
  SchemaForm,
  SubmitButton,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import type { z } from 'zod';

/**
 * A form of one file field whose file is read before anything changes: the JSON import, the CSV
 * import, a guest's backup. Its schema has one field, `file`.
 */
export function UploadForm({
  id,
  loadSchema,
  constraint,
  lastResult,
  action,
  label,
  hint,
  accept,
  intent,
  submitLabel,
}: {
  id: string;
  loadSchema: () => Promise<z.AnyZodObject>;
  /** From the page's loader: `constraintOf` the same schema. */
  constraint: Constraints;
  lastResult: FormReply | null;
  /** Where it posts: its own page unless told. */
  action?: string;
  label: string;
  hint: string;
  accept: string;
  /** The button's `intent`, for an action with more than one step. */
  intent?: string;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm<z.AnyZodObject, { file: File }>(loadSchema, {
    constraint,
    lastResult,
    id,
  });
  return (
    <SchemaForm form={form} action={action} encType="multipart/form-data">
      <FileField meta={fields.file} label={label} hint={hint} accept={accept} />
      <SubmitButton
        name={intent ? 'intent' : undefined}
        value={intent}
        pendingText="Reading the file…"
      >
        {submitLabel}
      </SubmitButton>
    </SchemaForm>
  );
}
