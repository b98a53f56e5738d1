import {
  FileField,
  SchemaForm,
  SubmitButton,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import { CSV_PREVIEW } from './steps';

const loadSchema = () => import('./schema').then((m) => m.CsvUploadSchema);

/** The CSV import's upload form; it posts to /account/import-csv, which answers with the preview. */
export function CsvUploadForm({
  constraint,
  lastResult,
}: {
  /** From the page's loader: `constraintOf(CsvUploadSchema)`. */
  constraint: Constraints;
  lastResult: FormReply | null;
}) {
  const [form, fields] = useSchemaForm(loadSchema, { constraint, lastResult, id: 'import-csv' });
  return (
    <SchemaForm form={form} action="/account/import-csv" encType="multipart/form-data">
      <FileField
        meta={fields.file}
        label="Spreadsheet (CSV file)"
        hint="Save your spreadsheet as CSV, or use the CSV export of another job tracker. Up to 5,000 rows and 5 MB. You will see every row and choose what each column is before anything is added."
        accept=".csv,text/csv"
      />
      <SubmitButton name="intent" value={CSV_PREVIEW} pendingText="Reading the file…">
        Preview the import
      </SubmitButton>
    </SchemaForm>
  );
}
