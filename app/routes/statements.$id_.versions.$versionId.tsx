import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { data, redirect } from '@remix-run/cloudflare';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { requireUuid } from '~/applications/actions.server';
import { formatDateTime } from '~/applications/dates';
import { getUser, requireUser } from '~/auth/session.server';
import { FormErrors, TextAreaField, TextField } from '~/components/forms';
import { readForm } from '~/http/form.server';
import { CopyButton } from '~/statements/copy-button';
import { ShortfallNote, VersionStatusTag } from '~/statements/draft-panel';
import { limitedSections } from '~/statements/inputs';
import { KIND_INFO } from '~/statements/kinds';
import { SIGNED_OUT_MESSAGE } from '~/statements/messages';
import { noticeKey, STATEMENT_NOTICES, withNotice } from '~/statements/notices';
import { getStatement } from '~/statements/queries.server';
import { VersionSchema } from '~/statements/schema';
import { stockPhrasesIn } from '~/statements/stock-phrases';
import styles from '~/statements/statements.css?url';
import { deleteVersion, updateVersion } from '~/statements/store.server';
import { versionLabel } from '~/statements/types';
import { AiNote, StockPhrases, WordCount } from '~/statements/word-count';
import { wordReport } from '~/statements/words';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

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

const notFound = () => new Response('Not found', { status: 404, statusText: 'Not Found' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const statementId = requireUuid(params.id);
  const versionId = requireUuid(params.versionId);
  const user = await requireUser(request, context);
  const found = await getStatement(context, user.id, statementId);
  const index = found?.versions.findIndex((v) => v.id === versionId) ?? -1;
  if (!found || index < 0) throw notFound();
  const version = found.versions[index]!;
  return {
    statementId,
    kind: found.statement.kind,
    title: [found.statement.inputs.jobTitle, found.statement.inputs.employer]
      .filter(Boolean)
      .join(' at '),
    version,
    text: found.texts[versionId] ?? '',
    previous: index > 0 ? found.versions[index - 1]!.id : null,
    notice: noticeKey(new URL(request.url).searchParams.get('notice')),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const statementId = requireUuid(params.id);
  const versionId = requireUuid(params.versionId);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: VersionSchema });
  const user = await getUser(request, context);
  if (!user) return data(submission.reply({ formErrors: [SIGNED_OUT_MESSAGE] }), { status: 401 });
  const ids = { statementId, versionId };

  if (formData.get('intent') === 'delete') {
    if (!(await deleteVersion(context, user.id, ids))) throw notFound();
    return redirect(withNotice(`/statements/${statementId}`, 'version-deleted'));
  }
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const result = await updateVersion(context, user.id, ids, {
    name: submission.value.name?.trim() || null,
    text: submission.value.text,
  });
  if (result === 'not-found') throw notFound();
  if (result === 'still-writing') {
    return data(
      submission.reply({
        formErrors: ['Claude is still writing this version. Edit it once it has finished.'],
      }),
      { status: 409 },
    );
  }
  const back =
    formData.get('from') === 'builder'
      ? `/statements/${statementId}?version=${versionId}`
      : `/statements/${statementId}/versions/${versionId}`;
  return redirect(withNotice(back, 'version-saved'));
}

export default function VersionPage() {
  const { statementId, kind, title, version, text, previous, notice } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const url = `/statements/${statementId}/versions/${version.id}`;
  const saving = navigation.state === 'submitting' && navigation.formAction === url;
  const [form, fields] = useForm({
    id: 'version',
    lastResult,
    defaultValue: { name: version.name ?? '', text },
    constraint: getZodConstraint(VersionSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VersionSchema }),
  });
  const [current, setCurrent] = useState(text);
  const [copied, setCopied] = useState('');
  const area = useRef<HTMLTextAreaElement | null>(null);
  // The kit's text area takes no ref; Copy's fallback selects it by its id.
  useEffect(() => {
    area.current = document.getElementById(fields.text.id) as HTMLTextAreaElement | null;
  }, [fields.text.id]);
  const report = wordReport(current, version.report.limit, limitedSections(kind));
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
      {notice ? (
        <p className="notice" role="status">
          {STATEMENT_NOTICES[notice]}
        </p>
      ) : null}
      <p className="muted">
        Written {formatDateTime(version.createdAt)}
        {version.editedAt ? `, edited ${formatDateTime(version.editedAt)}` : ''}.
      </p>
      <ShortfallNote version={version} />
      {generating ? (
        <>
          <p role="status">
            Claude is still writing this version. This page looks again every few seconds.
          </p>
          <div className="draft-text draft-live">{text}</div>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card version-form">
          <FormErrors errors={form.errors} id={form.errorId} />
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
            <button type="submit" name="intent" value="save" aria-disabled={saving || undefined}>
              Save changes
            </button>
            <CopyButton text={current} area={area} onCopied={setCopied} />
            {previous ? (
              <Link to={`/statements/${statementId}/compare?a=${previous}&b=${version.id}`}>
                Compare with the version before
              </Link>
            ) : null}
            <span role="status" className="muted">
              {saving ? 'Saving…' : copied}
            </span>
          </div>
        </Form>
      )}
      <AiNote />
      <details className="danger-zone">
        <summary>Delete this version</summary>
        <p>
          This deletes {versionLabel(version)} for good. The other versions and your inputs stay.
        </p>
        <Form method="post" action={url}>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="text" value="" />
          <button type="submit" className="button--danger">
            Delete {versionLabel(version)}
          </button>
        </Form>
      </details>
    </div>
  );
}
