import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '~/applications/dates';
import { forClaimOr } from '~/auth/current-user.server';
import { KIND_INFO, versionCount } from '~/statements/kinds';
import { NOT_CONFIGURED_MESSAGE } from '~/statements/messages';
import { NeedsAccount } from '~/statements/needs-account';
import { Notice, noticeFor } from '~/components/notice';
import { listStatements } from '~/statements/queries.server';
import styles from '~/statements/statements.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = () => [{ title: 'Statement Builder · JobTrack' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return forClaimOr(
    request,
    context,
    async (user) => ({
      signedIn: true as const,
      statements: await listStatements(context, user),
      configured: context.config.anthropic !== null,
      notice: noticeFor(request, ['statement-deleted']),
    }),
    () => ({ signedIn: false as const }),
  );
}

export default function Statements() {
  const data = useLoaderData<typeof loader>();
  if (!data.signedIn) return <NeedsAccount back="/statements" />;
  const { statements, configured, notice } = data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Statement Builder</h1>
        <Link to="/statements/new" className="button">
          New statement
        </Link>
      </div>
      <Notice message={notice} />
      {!configured ? <p className="notice notice--warning">{NOT_CONFIGURED_MESSAGE}</p> : null}
      {statements.length === 0 ? (
        <div className="card">
          <p>
            Supporting statements, Civil Service behaviour statements and cover letters, written
            from your own evidence. Each draft is kept as a version you can edit, rename and
            compare.
          </p>
          <p>
            <Link to="/statements/new">Write your first one</Link>, or start from an application’s
            page so its job title and employer are filled in.
          </p>
        </div>
      ) : (
        <ul className="statement-list">
          {statements.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/statements/${s.id}`}>
                  {KIND_INFO[s.kind].short}
                  {s.jobTitle ? `: ${s.jobTitle}` : ''}
                  {s.employer ? ` at ${s.employer}` : ''}
                </Link>
              </h2>
              <p className="muted">
                {versionCount(s.versions)} · changed {formatDateTime(s.updatedAt)}
                {s.application ? (
                  <>
                    {' '}
                    · for{' '}
                    <Link to={`/applications/${s.application.id}`}>
                      {s.application.role} at {s.application.company}
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
