import {
  FileField,
  SchemaForm,
  SubmitButton,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import { PREVIEW } from './import-steps';

const loadSchema = () => import('./import-schema').then((m) => m.ImportUploadSchema);

/** The import's upload form (on the account page and /account/import); it posts to /account/import. */
export function ImportForm({
  constraint,
  lastResult,
}: {
  /** From the page's loader: `constraintOf(ImportUploadSchema)`. */
  constraint: Constraints;
  lastResult: FormReply | null;
}) {
  const [form, fields] = useSchemaForm(loadSchema, { constraint, lastResult, id: 'import' });
  return (
    <SchemaForm form={form} action="/account/import" encType="multipart/form-data">
      <FileField
        meta={fields.file}
        label="JobTrack export file"
        hint="A .json file downloaded from this page, from this or another JobTrack account. You will see what it adds before anything changes."
        accept=".json,application/json"
      />
      <SubmitButton name="intent" value={PREVIEW} pendingText="Reading the file…">
        Preview the import
      </SubmitButton>
    </SchemaForm>
  );
}
