import {
  DateField,
  dateParts,
  SchemaForm,
  SubmitButton,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import { isSignedOutReply, SignedOutNotice } from '~/auth/signed-out';
import { formatDateTime, todayInLondon } from './dates';
import { moveLabel } from './history-date';
import type { HistoryEntry } from './types';

const loadSchema = () => import('./history-date-schema').then((m) => m.HistoryDateSchema);

/**
 * The form that dates one status change (account and guest mode alike): the day it happened, which
 * the history, the job-search log and the stats then use instead of the day it was recorded.
 */
export function HistoryDateCard({
  entry,
  action,
  constraint,
  lastResult,
}: {
  entry: Omit<HistoryEntry, 'id'> | null;
  action: string;
  /** From the page's loader: `constraintOf(HistoryDateSchema)`. */
  constraint: Constraints;
  lastResult?: FormReply | null;
}) {
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    id: 'history-date-form',
    lastResult,
    defaultValue: {
      on: dateParts(entry ? (entry.occurredOn ?? todayInLondon(new Date(entry.changedAt))) : null),
    },
  });
  return (
    <section className="card" aria-labelledby="history-date-heading">
      <h2 id="history-date-heading">
        {entry ? moveLabel(entry.fromStatus, entry.toStatus) : 'Status change'}
      </h2>
      {entry ? (
        <p className="muted">
          Recorded in JobTrack on {formatDateTime(entry.changedAt)}.{' '}
          {entry.occurredOn ? null : 'If it happened on another day, give that day here.'}
        </p>
      ) : null}
      <SchemaForm form={form} action={action}>
        {isSignedOutReply(lastResult) ? <SignedOutNotice /> : null}
        <DateField
          meta={fields.on}
          label="When it happened"
          hint="Your job-search log and stats use this day. For example, 27 3 2026"
        />
        <SubmitButton pendingText="Saving…">Save date</SubmitButton>
      </SchemaForm>
    </section>
  );
}
