import { Link } from '@remix-run/react';
import { formatDateTime } from '~/applications/dates';
import { KIND_INFO, versionCount, type Kind } from './kinds';

type Row = { id: string; kind: Kind; jobTitle: string; versions: number; updatedAt: string };

/** On an application's page: the statements written for it, and the way to write one. */
export function ApplicationStatements({
  applicationId,
  statements,
}: {
  applicationId: string;
  statements: Row[];
}) {
  return (
    <section className="card" aria-labelledby="statements-heading">
      <h2 id="statements-heading">Statements</h2>
      {statements.length === 0 ? (
        <p className="muted">No supporting statement or cover letter for this application yet.</p>
      ) : (
        <ul className="application-statements">
          {statements.map((s) => (
            <li key={s.id}>
              <Link to={`/statements/${s.id}`}>{KIND_INFO[s.kind].short}</Link>{' '}
              <span className="muted">
                · {versionCount(s.versions)} · changed {formatDateTime(s.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link
          to={`/statements/new?application=${applicationId}`}
          className="button button--secondary"
        >
          Write a statement or cover letter
        </Link>
      </p>
    </section>
  );
}
