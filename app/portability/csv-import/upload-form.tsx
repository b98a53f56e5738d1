import type { Constraints, FormReply } from '~/components/forms';
import { UploadForm } from '../upload-form';
import { CSV_PREVIEW } from './steps';

const loadSchema = () => import('./schema').then((m) => m.CsvUploadSchema);

/** The CSV import's upload form; it posts to /account/import-csv, which answers with the preview. */
export function CsvUploadForm(props: { constraint: Constraints; lastResult: FormReply | null }) {
  return (
    <UploadForm
      {...props}
      id="import-csv"
      loadSchema={loadSchema}
      action="/account/import-csv"
      label="Spreadsheet (CSV file)"
      hint="Save your spreadsheet as CSV, or use the CSV export of another job tracker. Up to 5,000 rows and 5 MB. You will see every row and choose what each column is before anything is added."
      accept=".csv,text/csv"
      intent={CSV_PREVIEW}
      submitLabel="Preview the import"
    />
  );
}
