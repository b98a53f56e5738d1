import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { isUuid } from '~/http/uuid';
import { forClaimOr, getUser } from '~/auth/current-user.server';
import { notFound } from '~/http/not-found.server';
import { constraintOf } from '~/components/forms/constraint';
import { readForm } from '~/components/forms/form.server';
import { KindIntro } from '~/statements/builder';
import { BuilderPage } from '~/statements/builder-page';
import type { FormReply } from '~/components/forms';
import { builderAction } from '~/statements/builder.server';
import { blankInputs, formDefaults } from '~/statements/inputs';
import { isKind, KIND_INFO, KINDS } from '~/statements/kinds';
import { NeedsAccount } from '~/statements/needs-account';
import { applicationForBuilder } from '~/statements/queries.server';
import { builderSchema } from '~/statements/schema';
import styles from '~/statements/statements.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.kind
      ? `New ${KIND_INFO[data.kind].short.toLowerCase()} · JobTrack`
      : 'New statement · JobTrack',
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const kindParam = url.searchParams.get('kind');
  const kind = isKind(kindParam) ? kindParam : null;
  const applicationParam = url.searchParams.get('application');
  const configured = context.config.anthropic !== null;
  const submissionKey = crypto.randomUUID();
  // With an application, its read confirms the session in the same round trip; without, the
  // session check is the page's only database work.
  const wanted = applicationParam !== null && isUuid(applicationParam) ? applicationParam : null;
  let application: Awaited<ReturnType<typeof applicationForBuilder>> = null;
  let signedIn: boolean;
  if (wanted) {
    const found = await forClaimOr(
      request,
      context,
      (user) => applicationForBuilder(context, user, wanted),
      () => 'signed-out' as const,
    );
    signedIn = found !== 'signed-out';
    application = found === 'signed-out' ? null : found;
  } else signedIn = Boolean(await getUser(request, context));
  if (!signedIn) {
    // The form is still described, so a signed-out POST can come back with what was typed.
    return {
      signedIn: false as const,
      kind,
      back: `${url.pathname}${url.search}`,
      configured,
      defaults: kind ? formDefaults(blankInputs(kind), { submissionKey }) : null,
      constraint: kind ? constraintOf(builderSchema(kind)) : null,
      application: null,
    };
  }
  if (applicationParam !== null && !application) throw notFound();
  const inputs = kind
    ? blankInputs(kind, {
        applicationId: application?.id,
        jobTitle: application?.role,
        employer: application?.company,
        advert: application?.advert,
      })
    : null;
  return {
    signedIn: true as const,
    kind,
    back: `${url.pathname}${url.search}`,
    configured,
    defaults: inputs ? formDefaults(inputs, { submissionKey }) : null,
    constraint: kind ? constraintOf(builderSchema(kind)) : null,
    application,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return builderAction(request, context, await readForm(request));
}

export default function NewStatement() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<FormReply>();
  if (!data.signedIn && !lastResult) return <NeedsAccount back={data.back} />;
  const { kind, defaults, constraint, application, configured } = data;
  if (!kind || !defaults || !constraint)
    return <KindChooser applicationId={application?.id ?? null} />;
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
      <h1>{KIND_INFO[kind].label}</h1>
      <KindIntro kind={kind} />
      {application?.advertUrl && !defaults.advert ? (
        <p className="field__hint">
          The advert for this application is at{' '}
          <a href={application.advertUrl} target="_blank" rel="noopener noreferrer">
            {application.advertUrl}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          : paste its text below so Claude knows what the job asks for.
        </p>
      ) : null}
      <BuilderPage
        kind={kind}
        constraint={constraint}
        defaults={defaults}
        wordLimit={Number(defaults.wordLimit) || 0}
        action={data.back}
        configured={configured}
        lastResult={lastResult}
      />
    </div>
  );
}

function KindChooser({ applicationId }: { applicationId: string | null }) {
  const suffix = applicationId ? `&application=${applicationId}` : '';
  return (
    <div className="page narrow">
      <p className="muted breadcrumb">
        <Link to="/statements">Statement Builder</Link>
      </p>
      <h1>What are you writing?</h1>
      <ul className="kind-choices">
        {KINDS.map((kind) => (
          <li key={kind}>
            <Link to={`/statements/new?kind=${kind}${suffix}`} className="kind-choice">
              <strong>{KIND_INFO[kind].label}</strong>
              <span>{KIND_INFO[kind].description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
