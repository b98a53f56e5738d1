import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { isUuid } from '~/http/uuid';
import { notFound, requireUuid } from '~/http/not-found.server';
import { forClaimOr, requireUserClaim } from '~/auth/current-user.server';
import { BuilderPage } from '~/statements/builder-page';
import { DraftViews } from '~/statements/draft-views';
import { SubmitButton, type FormReply } from '~/components/forms';
import { builderAction } from '~/statements/builder.server';
import { formDefaults } from '~/statements/inputs';
import { KIND_INFO } from '~/statements/kinds';
import { NeedsAccount } from '~/statements/needs-account';
import { Notice, noticeFor, withNotice } from '~/components/notice';
import { getStatement } from '~/statements/queries.server';
import { builderSchema } from '~/statements/schema';
import styles from '~/statements/statements.css?url';
import { deleteStatement } from '~/statements/store.server';
import { constraintOf } from '~/components/forms/constraint';
import { readForm } from '~/components/forms/form.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && data.signedIn
        ? `${KIND_INFO[data.kind].short}${data.title ? `: ${data.title}` : ''} · JobTrack`
        : 'Statement · JobTrack',
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  const url = new URL(request.url);
  // The version asked for, or the newest (also for an id that is malformed or gone).
  const wanted = url.searchParams.get('version');
  const found = await forClaimOr(
    request,
    context,
    (user) => getStatement(context, user, id, { open: isUuid(wanted) ? wanted : null }),
    () => 'signed-out' as const,
  );
  if (found === 'signed-out') return { signedIn: false as const, back: url.pathname + url.search };
  if (!found) throw notFound();
  const { statement, versions, texts } = found;
  const version = versions.find((v) => texts[v.id] !== undefined) ?? null;
  return {
    signedIn: true as const,
    id,
    kind: statement.kind,
    title: [statement.inputs.jobTitle, statement.inputs.employer].filter(Boolean).join(' at '),
    application: statement.application,
    defaults: formDefaults(statement.inputs, {
      statementId: id,
      submissionKey: crypto.randomUUID(),
    }),
    constraint: constraintOf(builderSchema(statement.kind)),
    wordLimit: statement.inputs.wordLimit,
    versions,
    selected: version ? { version, text: texts[version.id] ?? '' } : null,
    configured: context.config.anthropic !== null,
    // "Saved" for a version shows beside its Save button, the others at the top.
    notice: noticeFor(request, ['inputs-saved', 'version-deleted']),
    versionNotice: noticeFor(request, ['version-saved']),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = requireUuid(params.id);
  const formData = await readForm(request);
  if (formData.get('intent') === 'delete-statement') {
    const user = await requireUserClaim(request, context);
    if (!(await deleteStatement(context, user, id))) throw notFound();
    return redirect(withNotice('/statements', 'statement-deleted'));
  }
  return builderAction(request, context, formData, id);
}

export default function StatementPage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<FormReply>();
  if (!data.signedIn) return <NeedsAccount back={data.back} />;
  const {
    id,
    kind,
    title,
    application,
    defaults,
    constraint,
    wordLimit,
    versions,
    selected,
    configured,
    notice,
    versionNotice,
  } = data;
  return (
    <div className="page page--wide">
      <p className="muted breadcrumb">
        <Link to="/statements">Statement Builder</Link>
        {application ? (
          <>
            {' · '}
            <Link to={`/applications/${application.id}`}>
              {application.role} at {application.company}
            </Link>
          </>
        ) : null}
      </p>
      <h1>
        {KIND_INFO[kind].label}
        {title ? <span className="h1-sub">{title}</span> : null}
      </h1>
      <Notice message={notice} />
      <BuilderPage
        kind={kind}
        constraint={constraint}
        defaults={defaults}
        wordLimit={wordLimit}
        action={`/statements/${id}`}
        configured={configured}
        lastResult={lastResult}
        statementId={id}
        versions={versions}
        selected={selected}
        notice={versionNotice}
        // This page opens on a version: its views come with the page, drawn by the server.
        views={DraftViews}
      />
      <details className="danger-zone">
        <summary>Delete this statement</summary>
        <p>
          This deletes its inputs
          {versions.length === 0
            ? ''
            : versions.length === 1
              ? ' and its one version'
              : ` and all ${versions.length} versions`}{' '}
          for good.
        </p>
        <Form method="post" action={`/statements/${id}`}>
          <input type="hidden" name="intent" value="delete-statement" />
          <SubmitButton
            className="button--danger"
            formAction={`/statements/${id}`}
            fields={{ intent: 'delete-statement' }}
            pendingText="Deleting…"
          >
            Delete statement and versions
          </SubmitButton>
        </Form>
      </details>
    </div>
  );
}
