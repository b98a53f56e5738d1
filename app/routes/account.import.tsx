import { track } from '~/analytics/posthog.client';
import { parseWithZod } from '@conform-to/zod';
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { IMPORT_PAST_LIMIT } from '~/applications/limits';
import { requireUser } from '~/auth/current-user.server';
import { SubmitButton } from '~/components/forms';
import { withNotice } from '~/components/notice';
import { parseExport } from '~/portability/format';
import { importDocument, previewImport, type ImportPlan } from '~/portability/import.server';
import { ImportForm } from '~/portability/import-form';
import { readImportStep } from '~/portability/import-step.server';
import { importAdds, importFits, ImportPlanSummary } from '~/portability/import-preview';
import { ImportUploadSchema } from '~/portability/import-schema';
import {
  CHOOSE_FILE,
  ACCOUNT_CHANGED,
  CONFIRM,
  confirmedText,
  EXPECTED_ACCOUNT,
  FILE_TOO_LARGE,
  isSpreadsheet,
  SPREADSHEET_GIVEN,
} from '~/portability/import-steps';
import { constraintOf } from '~/components/forms/constraint';

export const meta: MetaFunction = () => [{ title: 'Import your data · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return { constraint: constraintOf(ImportUploadSchema) };
}

// The file and its text are never sent back: a refused upload is chosen again.
const HIDDEN = ['file', 'data'];

/** Status 409 when the file is fine but the account cannot take it (guest mode's move tells them apart). */
function refused(formData: FormData, message: string, status: 400 | 409 = 400) {
  const submission = parseWithZod(formData, { schema: z.object({}) });
  return data(submission.reply({ fieldErrors: { file: [message] }, hideFields: HIDDEN }), {
    status,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, who, formData } = await readImportStep(request, context);
  if (!formData) return refused(new FormData(), FILE_TOO_LARGE);

  // Step two: the text the preview showed comes back and is checked again, then imported.
  if (formData.get('intent') === CONFIRM) {
    // Another tab may have signed in as someone else since the preview: import only into the
    // account the person was shown.
    if (formData.get(EXPECTED_ACCOUNT) !== user.id) return refused(formData, ACCOUNT_CHANGED);
    const value = formData.get('data');
    const text = typeof value === 'string' ? confirmedText(value) : null;
    if (typeof value === 'string' && text === null) return refused(formData, FILE_TOO_LARGE);
    const parsed = text === null ? null : parseExport(text);
    if (!parsed?.ok) return refused(formData, parsed?.message ?? CHOOSE_FILE);
    const imported = await importDocument(context, who, parsed.document);
    if (imported === 'full') return refused(formData, IMPORT_PAST_LIMIT, 409);
    throw redirect(withNotice('/applications', 'imported'));
  }

  const submission = parseWithZod(formData, { schema: ImportUploadSchema });
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: HIDDEN }), { status: 400 });
  }
  const { file } = submission.value;
  const text = await file.text();
  const parsed = parseExport(text);
  if (!parsed.ok)
    return refused(formData, isSpreadsheet(file) ? SPREADSHEET_GIVEN : parsed.message);
  const plan = await previewImport(context, who, parsed.document);
  return {
    preview: plan,
    data: text,
    fileName: file.name,
    account: { id: user.id, email: user.email },
  };
}

export default function ImportData() {
  const { constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preview = result && 'preview' in result ? result : null;
  return (
    <div className="page narrow">
      <h1>Import your data</h1>
      {preview ? (
        <Preview
          plan={preview.preview}
          text={preview.data}
          fileName={preview.fileName}
          account={preview.account}
        />
      ) : (
        <ImportForm
          constraint={constraint}
          lastResult={result && !('preview' in result) ? result : null}
        />
      )}
    </div>
  );
}

function Preview({
  plan,
  text,
  fileName,
  account,
}: {
  plan: ImportPlan;
  text: string;
  fileName: string;
  account: { id: string; email: string };
}) {
  const adds = importAdds(plan) && importFits(plan);
  return (
    <section className="card" aria-labelledby="import-preview">
      <ImportPlanSummary plan={plan} source={fileName} />
      <p>
        Into the account <strong className="address">{account.email}</strong>.
      </p>
      {adds ? (
        <Form method="post" encType="multipart/form-data" onSubmit={() => track('data_imported')}>
          <input type="hidden" name="data" value={text} />
          <input type="hidden" name={EXPECTED_ACCOUNT} value={account.id} />
          <SubmitButton
            name="intent"
            value={CONFIRM}
            pendingText="Importing…"
            after={<Link to="/account">Cancel</Link>}
          >
            Import into my account
          </SubmitButton>
        </Form>
      ) : (
        <p>
          <Link to="/account">Back to your account</Link>
        </p>
      )}
    </section>
  );
}
