import type { Constraints, FormReply } from '~/components/forms';
import { PREVIEW } from './import-steps';
import { UploadForm } from './upload-form';

const loadSchema = () => import('./import-schema').then((m) => m.ImportUploadSchema);

/** The import's upload form (on the account page and /account/import); it posts to /account/import. */
export function ImportForm(props: { constraint: Constraints; lastResult: FormReply | null }) {
  return (
    <UploadForm
      {...props}
      id="import"
      loadSchema={loadSchema}
      action="/account/import"
      label="JobTrack export file"
      hint="A .json file downloaded from this page, from this or another JobTrack account. You will see what it adds before anything changes."
      accept=".json,application/json"
      intent={PREVIEW}
      submitLabel="Preview the import"
    />
  );
}
