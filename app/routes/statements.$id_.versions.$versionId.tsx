import { parseWithZod } from '@conform-to/zod';
import type {
  ActionFunctionArgs,
  AppLoadContext,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '~/applications/dates';
import {
  getUserClaim,
  requireUserClaim,
  SessionEnded,
  type UserClaim,
} from '~/auth/current-user.server';
import {
  SchemaForm,
  SubmitButton,
  TextAreaField,
  TextField,
  useSchemaForm,
} from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, readForm, refuse } from '~/components/forms/form.server';
import { Notice, noticeFor, withNotice } from '~/components/notice';
import { notFound, requireUuid } from '~/http/not-found.server';
import { CopyButton } from '~/components/copy-button';
import { ShortfallNote, VersionStatusTag } from '~/statements/version-status';
import { KIND_INFO, limitedSections } from '~/statements/kinds';
import { COPIED, SIGNED_OUT_MESSAGE } from '~/statements/messages';
import { getStatement } from '~/statements/queries.server';
import { VersionSchema } from '~/statements/schema';
import { stockPhrasesIn } from '~/statements/stock-phrases';
import styles from '~/statements/statements.css?url';
import { deleteVersion, updateVersion } from '~/statements/store.server';
import { versionLabel } from '~/statements/version-label';
import { AiNote, StockPhrases, WordCount } from '~/statements/word-count';
import { wordReport } from '~/statements/words';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const loadSchema = () => import('~/statements/schema').then((m) => m.VersionSchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${versionLabel(data.version)} · ${KIND_INFO[data.kind].short} · JobTrack`
      : 'Version · JobTrack',
  },
  // While Claude is still writing it, the page (JavaScript or not) looks again every few seconds.
  ...(data?.version.status === 'generating'
    ? [{ httpEquiv: 'refresh', content: '3' } as const]
    : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const statementId = requireUuid(params.id);
  const versionId = requireUuid(params.versionId);
  const user = await requireUserClaim(request, context);
  const found = await getStatement(context, user, statementId, { open: versionId });
  const index = found?.versions.findIndex((v) => v.id === versionId) ?? -1;
  if (!found || index < 0 || found.texts[versionId] === undefined) throw notFound();
  const version = found.versions[index]!;
  return {
    statementId,
    kind: found.statement.kind,
    title: [found.statement.inputs.jobTitle, found.statement.inputs.employer]
      .filter(Boolean)
      .join(' at '),
    version,
    text: found.texts[versionId],
    previous: index > 0 ? found.versions[index - 1]!.id : null,
    notice: noticeFor(request, ['version-saved']),
    // Without JavaScript, Stop lands here while the draft is still finishing (its route).
    stopping: noticeFor(request, ['version-stopping']),
    constraint: constraintOf(VersionSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const statementId = requireUuid(params.id);
  const versionId = requireUuid(params.versionId);
  const formData = await readForm(request);
  const signedOut = () => refuse(formData, SIGNED_OUT_MESSAGE, { status: 401 });
  const user = await getUserClaim(request, context);
  if (!user) return signedOut();
  try {
    return await changeVersion(formData, context, user, { statementId, versionId });
  } catch (error) {
    // The session was found to have ended in the same round trip as the change, which did not run.
    if (error instanceof SessionEnded) return signedOut();
    throw error;
  }
}

/** Deletes the version, or saves its name and text, as the form says. */
async function changeVersion(
  formData: FormData,
  context: AppLoadContext,
  user: UserClaim,
  ids: { statementId: string; versionId: string },
) {
  const { statementId, versionId } = ids;

  if (formData.get('intent') === 'delete') {
    if (!(await deleteVersion(context, user, ids))) throw notFound();
    return redirect(withNotice(`/statements/${statementId}`, 'version-deleted'));
  }
  const submission = parseWithZod(formData, { schema: VersionSchema });
  if (submission.status !== 'success') return invalid(submission);
  const result = await updateVersion(context, user, ids, {
    name: submission.value.name?.trim() || null,
    text: submission.value.text,
  });
  if (result === 'not-found') throw notFound();
  if (result === 'still-writing') {
    const message = 'Claude is still writing this version. Edit it once it has finished.';
    return invalid(submission, { formErrors: [message] }, { status: 409 });
  }
  const back =
    formData.get('from') === 'builder'
      ? `/statements/${statementId}?version=${versionId}`
      : `/statements/${statementId}/versions/${versionId}`;
  return redirect(withNotice(back, 'version-saved'));
}

export default function VersionPage() {
  const { statementId, kind, title, version, text, previous, notice, stopping, constraint } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const url = `/statements/${statementId}/versions/${version.id}`;
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    id: 'version',
    lastResult,
    defaultValue: { name: version.name ?? '', text },
  });
  // After a refused save the box holds what was sent, not the saved text: count that.
  const sent = lastResult?.initialValue?.text;
  const [current, setCurrent] = useState(typeof sent === 'string' ? sent : text);
  useEffect(() => {
    if (typeof sent === 'string') setCurrent(sent);
  }, [sent]);
  const [copied, setCopied] = useState('');
  const area = useRef<HTMLTextAreaElement | null>(null);
  // The kit's text area takes no ref; Copy's fallback selects it by its id.
  useEffect(() => {
    area.current = document.getElementById(fields.text.id) as HTMLTextAreaElement | null;
  }, [fields.text.id]);
  const report = wordReport(current, version.wordLimit, limitedSections(kind));
  const generating = version.status === 'generating';

  return (
    <div className="page">
      <p className="muted breadcrumb">
        <Link to="/statements">Statement Builder</Link> ·{' '}
        <Link to={`/statements/${statementId}?version=${version.id}`}>
          {KIND_INFO[kind].short}
          {title ? `: ${title}` : ''}
        </Link>
      </p>
      <h1>
        {versionLabel(version)} <VersionStatusTag version={version} />
      </h1>
      <Notice message={notice} />
      <p className="muted">
        Written {formatDateTime(version.createdAt)}
        {version.editedAt ? `, edited ${formatDateTime(version.editedAt)}` : ''}.
      </p>
      <ShortfallNote version={version} />
      {generating ? (
        <>
          <p role="status">
            {stopping ??
              'Claude is still writing this version. This page looks again every few seconds.'}
          </p>
          <div className="draft-text draft-live">{text}</div>
        </>
      ) : (
        <SchemaForm form={form} action={url} className="card version-form">
          <input type="hidden" name="intent" value="save" />
          <TextField
            meta={fields.name}
            label="Name (optional)"
            hint={`Instead of “Version ${version.number}”, for example “Shorter, for NHS Jobs”`}
          />
          <div
            onChange={(e) => {
              const field = e.target as HTMLTextAreaElement;
              if (field.name === fields.text.name) setCurrent(field.value);
            }}
          >
            <TextAreaField meta={fields.text} label="The draft" rows={22} />
          </div>
          <WordCount report={report} />
          <StockPhrases phrases={stockPhrasesIn(current)} />
          <div className="actions">
            <SubmitButton inline fields={{ intent: 'save' }} pendingText="Saving…">
              Save changes
            </SubmitButton>
            <CopyButton text={current} field={area} copied={COPIED} onCopied={setCopied} />
            {previous ? (
              <Link to={`/statements/${statementId}/compare?a=${previous}&b=${version.id}`}>
                Compare with the version before
              </Link>
            ) : null}
            <span role="status" className="muted">
              {copied}
            </span>
          </div>
        </SchemaForm>
      )}
      <AiNote />
      <details className="danger-zone">
        <summary>Delete this version</summary>
        <p>
          This deletes {versionLabel(version)} for good. The other versions and your inputs stay.
        </p>
        <Form method="post" action={url}>
          <input type="hidden" name="intent" value="delete" />
          <SubmitButton
            className="button--danger"
            formAction={url}
            fields={{ intent: 'delete' }}
            pendingText="Deleting…"
          >
            Delete {versionLabel(version)}
          </SubmitButton>
        </Form>
      </details>
    </div>
  );
}
