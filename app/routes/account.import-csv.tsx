import { parseWithZod } from '@conform-to/zod';
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth/current-user.server';
import type { Person } from '~/db.server';
import { withNotice } from '~/components/notice';
import { mappingProblems, type ColumnChoice } from '~/portability/csv-import/columns';
import { guessColumns } from '~/portability/csv-import/guess-columns';
import { shorten } from '~/portability/shorten';
import type { DateOrder } from '~/portability/csv-import/steps';
import {
  dateOrderOf,
  importCsvRows,
  mapFile,
  planCsvImport,
  type CsvPlan,
} from '~/portability/csv-import/import.server';
import {
  CsvPreview,
  previewRow,
  type CsvPreviewData,
  type NotAdded,
} from '~/portability/csv-import/preview';
import { decodeCsv, readCsv, type Table } from '~/portability/csv-import/read';
import {
  CHOOSE_AGAIN,
  CSV_CONFIRM,
  CSV_NOT_TEXT,
  CSV_REMAP,
  CSV_TOO_LARGE,
  CsvMappingSchema,
  CsvUploadSchema,
  mappingFields,
  previewedAs,
} from '~/portability/csv-import/schema';
import { CsvUploadForm } from '~/portability/csv-import/upload-form';
import href from '~/portability/csv-import/csv-import.css?url';
import { confirmedText, EXPECTED_ACCOUNT } from '~/portability/import-steps';
import { readImportStep } from '~/portability/import-step.server';
import { constraintOf } from '~/components/forms/constraint';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href }];

export const meta: MetaFunction = () => [{ title: 'Import a spreadsheet · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return { constraint: constraintOf(CsvUploadSchema) };
}

// The file and its text are never sent back with a refusal: a refused file is chosen again.
const HIDDEN = ['file', 'csv'];

/** The upload form again, `message` beside the file field, nothing of the file echoed. */
function refused(message: string) {
  const submission = parseWithZod(new FormData(), { schema: z.object({}) });
  return data(
    {
      step: 'upload' as const,
      reply: submission.reply({ fieldErrors: { file: [message] }, hideFields: HIDDEN }),
    },
    { status: 400 },
  );
}

/** How many rows to add the preview lists, and how many rows with problems. */
const SAMPLE_ROWS = 50;
const SHOWN_PROBLEMS = 200;
/** How many of the file's own status texts the preview lists (each text cut short). */
const SHOWN_STATUSES = 50;

async function preview(
  context: LoaderFunctionArgs['context'],
  who: Person,
  input: {
    csv: string;
    fileName: string;
    table: Table;
    choices: ColumnChoice[];
    dateOrder: DateOrder;
    account: { id: string; email: string };
    notAdded?: NotAdded;
    /** The answer's status when the preview stands in for a refused import. */
    status?: number;
  },
) {
  const { table, choices } = input;
  const mappingErrors = mappingProblems(choices, table.headers);
  const plan: CsvPlan | null =
    mappingErrors.length === 0
      ? await planCsvImport(context, who, table, choices, input.dateOrder)
      : null;
  const toAdd = plan ? plan.add.filter((r) => !plan.held.has(r.application.id)) : [];
  const body: CsvPreviewData = {
    fileName: input.fileName,
    csv: input.csv,
    headers: table.headers,
    examples: table.headers.map((_, i) =>
      shorten(table.rows.find((row) => row[i]?.trim())?.[i] ?? ''),
    ),
    choices,
    dateOrder: input.dateOrder,
    notAdded: input.notAdded ?? null,
    account: input.account,
    mixedDates: dateOrderOf(table, choices).mixed,
    mappingErrors,
    rows: table.rows.length,
    add: toAdd.length,
    held: plan ? plan.add.length - toAdd.length : 0,
    accountHolds: plan?.total ?? 0,
    repeats: plan?.repeats.length ?? 0,
    sample: toAdd.slice(0, SAMPLE_ROWS).map((r) => previewRow(r.row, r.application)),
    problems: plan?.problems.slice(0, SHOWN_PROBLEMS) ?? [],
    problemCount: plan?.problems.length ?? 0,
    statuses: (plan?.statuses ?? [])
      .slice(0, SHOWN_STATUSES)
      .map((s) => ({ ...s, text: shorten(s.text) })),
    statusCount: plan?.statuses.length ?? 0,
  };
  return data(
    { step: 'preview' as const, preview: body },
    { status: input.status ?? (mappingErrors.length ? 400 : 200) },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  // A preview posts the file's text back in a hidden field: the JSON import's limit fits it.
  const { user, who, formData } = await readImportStep(request, context);
  if (!formData) return refused(CSV_TOO_LARGE);
  const account = { id: user.id, email: user.email };
  const intent = formData.get('intent');

  // Steps two and three: the text the preview held comes back with the chosen columns.
  if (intent === CSV_REMAP || intent === CSV_CONFIRM) {
    const mapping = CsvMappingSchema.safeParse(mappingFields(formData));
    if (!mapping.success) return refused(CHOOSE_AGAIN);
    const text = confirmedText(mapping.data.csv);
    if (text === null) return refused(CSV_TOO_LARGE);
    const read = readCsv(text);
    if (!read.ok) return refused(read.message);
    const { table } = read;
    const choices = mapping.data.columns;
    if (choices.length !== table.headers.length) return refused(CHOOSE_AGAIN);
    const { dateOrder, fileName } = mapping.data;
    // "Add" posts the selects as they are now: changed since the preview (or no record of what was
    // previewed), the person has not seen what they would add, so they are shown it instead.
    const changed =
      intent === CSV_CONFIRM && mapping.data.previewed !== previewedAs(choices, dateOrder);
    // Another tab may have signed in as someone else since the preview: add only into the account
    // the person was shown, or show them this account's preview instead.
    const accountChanged = intent === CSV_CONFIRM && formData.get(EXPECTED_ACCOUNT) !== user.id;
    const file = { csv: text, fileName, table, choices, dateOrder, account };
    if (changed || accountChanged) {
      return preview(context, who, {
        ...file,
        notAdded: accountChanged ? 'account-changed' : 'columns-changed',
      });
    }
    if (intent === CSV_CONFIRM && mappingProblems(choices, table.headers).length === 0) {
      const mapped = await mapFile(table, choices, dateOrder);
      if (mapped.add.length > 0) {
        const imported = await importCsvRows(context, who, mapped);
        if (imported === 'full') {
          // Filled since the preview (another tab): the preview again, columns as chosen, now
          // saying what would not fit.
          return preview(context, who, { ...file, notAdded: 'account-full', status: 409 });
        }
        throw redirect(withNotice('/applications', 'csv-imported'));
      }
    }
    return preview(context, who, file);
  }

  const submission = parseWithZod(formData, { schema: CsvUploadSchema });
  if (submission.status !== 'success') {
    return data(
      { step: 'upload' as const, reply: submission.reply({ hideFields: HIDDEN }) },
      { status: 400 },
    );
  }
  const { file } = submission.value;
  const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  if (decoded === null) return refused(CSV_NOT_TEXT);
  // Measured as the confirm will measure it (UTF-8, LF): a Windows-1252 file grows when decoded
  // (each £ two bytes), and a preview that could never be confirmed is no use to anyone.
  const text = confirmedText(decoded.replace(/\r\n?/g, '\n'));
  if (text === null) return refused(CSV_TOO_LARGE);
  const read = readCsv(text);
  if (!read.ok) return refused(read.message);
  const choices = guessColumns(read.table.headers);
  return preview(context, who, {
    account,
    csv: text,
    fileName: file.name.slice(0, 255) || 'your file',
    table: read.table,
    choices,
    dateOrder: dateOrderOf(read.table, choices).order,
  });
}

export default function ImportCsv() {
  const { constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page csv-import">
      <h1>Import a spreadsheet</h1>
      {result?.step === 'preview' ? (
        <CsvPreview data={result.preview} />
      ) : (
        <>
          <p>
            Bring in the applications you have kept in a spreadsheet (Excel, Google Sheets, Numbers)
            or in another job tracker that exports CSV. Dates may be written like 27/11/2026 or
            2026-11-27; statuses are matched to JobTrack’s own.
          </p>
          <section className="card">
            <CsvUploadForm
              constraint={constraint}
              lastResult={result?.step === 'upload' ? result.reply : null}
            />
          </section>
          <p>
            <Link to="/account">Back to your account</Link>
          </p>
        </>
      )}
    </div>
  );
}
