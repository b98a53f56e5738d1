import type { ReactNode } from 'react';
import { fitsInAccount, MAX_APPLICATIONS } from '~/applications/limits';
import { MAX_EVENTS_PER_APPLICATION } from '~/events/limits';
import type { ImportPlan } from './import.server';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
const listed = (parts: string[]) => new Intl.ListFormat('en-GB').format(parts);

/**
 * True when the import would add anything, dates under applications already held included (only
 * those that fit: the plan counts them by date-fill.ts, as the import adds them).
 */
export const importAdds = (plan: ImportPlan) =>
  plan.applications.add + plan.statements.add + plan.events.add > 0;

/** True when the account can take the applications to add (MAX_APPLICATIONS, migration 0022). */
export const importFits = (plan: ImportPlan) =>
  fitsInAccount(plan.applications.accountHolds, plan.applications.add);

/** Why an import the account cannot take is not offered (both imports' previews). */
export function PastLimit({ holds, adding }: { holds: number; adding: number }) {
  return (
    <p className="form-errors" role="alert">
      Your account holds {count(holds, 'application', 'applications')} and this would add{' '}
      {adding.toLocaleString('en-GB')}: more than the {MAX_APPLICATIONS.toLocaleString('en-GB')} it
      can hold, so it cannot be imported. Delete applications you no longer need, or import fewer.
    </p>
  );
}

/** Applications to add with the company and role of one already in the account. */
function lookalikeText(lookalikes: number, adding: number) {
  const one = lookalikes === 1;
  const which =
    lookalikes < adding
      ? `${lookalikes.toLocaleString('en-GB')} of the ${count(adding, 'application', 'applications')} to add`
      : one
        ? 'The application to add'
        : `All ${count(lookalikes, 'application', 'applications')} to add`;
  return (
    `${which} ${one ? 'has' : 'have'} the company and role of one already in your account. ` +
    `JobTrack knows its records by their own ids, not their names, so ${one ? 'it' : 'they'} ` +
    `would be added as ${one ? 'a separate application' : 'separate applications'}: ` +
    `if ${one ? 'it is the same job' : 'they are the same jobs'}, do not import.`
  );
}

/**
 * What an import would add and what it skips, for the account's import and guest mode's move.
 * `source` names where the data comes from (the file's name, or this browser).
 */
export function ImportPlanSummary({ plan, source }: { plan: ImportPlan; source: ReactNode }) {
  const adds = importAdds(plan);
  const skipped = plan.applications.skip + plan.statements.skip + plan.events.skip;
  return (
    <>
      <h2 id="import-preview">Check what will be added</h2>
      <p>
        From <strong>{source}</strong>:
      </p>
      {adds ? (
        <ul>
          {plan.applications.add > 0 ? (
            <li>
              {count(plan.applications.add, 'application', 'applications')}, with{' '}
              {plan.applications.add === 1 ? 'its' : 'their'} status history
            </li>
          ) : null}
          {plan.statements.add > 0 ? (
            <li>
              {count(plan.statements.add, 'statement', 'statements')}, with{' '}
              {count(plan.versions, 'version', 'versions')}
            </li>
          ) : null}
          {plan.events.add > 0 ? (
            <li>
              {count(plan.events.add, 'interview or other date', 'interviews and other dates')}
            </li>
          ) : null}
        </ul>
      ) : (
        <p>Everything here is already in your account: there is nothing to add.</p>
      )}
      {skipped > 0 ? (
        <p className="muted">
          Already in your account, so not added again:{' '}
          {listed(
            [
              [plan.applications.skip, 'application', 'applications'] as const,
              [plan.statements.skip, 'statement', 'statements'] as const,
              [plan.events.skip, 'date', 'dates'] as const,
            ]
              .filter(([n]) => n > 0)
              .map(([n, one, many]) => count(n, one, many)),
          )}
          .
        </p>
      ) : null}
      {importFits(plan) ? null : (
        <PastLimit holds={plan.applications.accountHolds} adding={plan.applications.add} />
      )}
      {plan.lookalikes > 0 ? (
        <p className="notice" role="note">
          {lookalikeText(plan.lookalikes, plan.applications.add)}
        </p>
      ) : null}
      {plan.events.full > 0 ? (
        <p className="muted">
          Not added: {count(plan.events.full, 'date', 'dates')} for applications already holding{' '}
          {MAX_EVENTS_PER_APPLICATION} dates, the most one can. The earliest dates were taken first.
        </p>
      ) : null}
      {plan.sample.length > 0 ? (
        <>
          <h3>Applications to add</h3>
          <ul className="import-sample">
            {plan.sample.map((a, i) => (
              <li key={i}>
                {a.role} at {a.company}
              </li>
            ))}
            {plan.applications.add > plan.sample.length ? (
              <li>and {count(plan.applications.add - plan.sample.length, 'more', 'more')}</li>
            ) : null}
          </ul>
        </>
      ) : null}
    </>
  );
}
