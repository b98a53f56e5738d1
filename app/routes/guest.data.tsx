import type { MetaFunction } from '@remix-run/cloudflare';
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
} from '@remix-run/react';
import { SubmitButton } from '~/components/forms';
import constraints from '~/guest/form-constraints.json';
import { IMPORT_NOT_LOADED, notLoaded, withHandling } from '~/guest/form-handling';
import { loadImportHandling } from '~/guest/handling';
import { GUEST_LIST, GUEST_MOVE } from '~/guest/paths';
import { clearGuest } from '~/guest/storage';
import { UploadForm } from '~/portability/upload-form';
import { useState } from 'react';

export const meta: MetaFunction = () => [{ title: 'Your data · Guest · JobTrack' }];

export function clientLoader() {
  return { constraint: constraints.importUpload };
}

export async function clientAction({ request }: ClientActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get('intent') === 'delete-all') {
    clearGuest();
    return redirect('/guest');
  }
  return withHandling(
    formData,
    loadImportHandling,
    (handling) => handling.importBackup(formData),
    (formData) => ({
      ok: false as const,
      reply: notLoaded(formData, { message: IMPORT_NOT_LOADED, field: 'file' }),
    }),
  );
}

const count = (n: number) =>
  n === 1 ? '1 application' : `${n.toLocaleString('en-GB')} applications`;

const dateCount = (n: number) =>
  n === 1 ? '1 interview or other date' : `${n.toLocaleString('en-GB')} interviews and other dates`;

const statementCount = (n: number) =>
  n === 1 ? 'statement' : `${n.toLocaleString('en-GB')} statements`;

export default function GuestData() {
  const { constraint } = useLoaderData<typeof clientLoader>();
  const result = useActionData<typeof clientAction>();
  return (
    <div className="page narrow">
      <h1>Your guest data</h1>
      <section className="card" aria-labelledby="backup">
        <h2 id="backup">Import a backup</h2>
        {result?.ok ? (
          <p role="status" className="notice">
            Added {count(result.added)}.
            {result.skipped > 0
              ? ` ${count(result.skipped)} were already here, so were skipped${
                  result.datesAdded > 0
                    ? `, apart from ${dateCount(result.datesAdded)} they did not have, now added`
                    : ''
                }.`
              : ''}
            {result.statementsLeft > 0
              ? ` The file’s ${statementCount(result.statementsLeft)} stayed in the file: the Statement Builder needs an account, so import the file into one to keep them.`
              : ''}{' '}
            <Link to={GUEST_LIST}>See your applications</Link>
          </p>
        ) : null}
        <UploadForm
          id="guest-import"
          loadSchema={loadSchema}
          constraint={constraint}
          lastResult={result && !result.ok ? result.reply : null}
          label="JobTrack export file"
          hint="A .json file from “Download a backup” in guest mode, or exported from a JobTrack account. Applications already here are skipped, but gain any dates of theirs they do not have."
          accept=".json,application/json"
          submitLabel="Import the backup"
        />
      </section>
      <section className="card" aria-labelledby="keep">
        <h2 id="keep">Keep them in an account</h2>
        <p>
          An account keeps your applications safe on our servers and lets you use them on any
          device. <Link to={GUEST_MOVE}>Move your applications into an account</Link>.
        </p>
      </section>
      <section className="card" aria-labelledby="delete-all">
        <h2 id="delete-all">Delete everything</h2>
        <p>
          This removes every application from this browser for good. Use “Download a backup” first
          if you want a copy.
        </p>
        <DeleteAll />
      </section>
    </div>
  );
}

const loadSchema = () => import('~/portability/import-schema').then((m) => m.ImportUploadSchema);

// One click only asks; the second deletes, as a single application's delete has its own page.
function DeleteAll() {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button--danger" onClick={() => setAsking(true)}>
        Delete all guest data
      </button>
    );
  }
  return (
    <Form method="post" role="alert">
      <p>
        <strong>Delete every application in this browser?</strong> This cannot be undone.
      </p>
      <SubmitButton
        name="intent"
        value="delete-all"
        className="button--danger"
        after={
          <button type="button" className="button--secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        }
      >
        Yes, delete all guest data
      </SubmitButton>
    </Form>
  );
}
