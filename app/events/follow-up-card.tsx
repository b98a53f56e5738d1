import { Form } from '@remix-run/react';
import { formatDate } from '~/applications/dates';
import { useTrackerPaths } from '~/applications/paths';
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
import { CalendarFileLink } from './calendar-link';
import { CLEAR_FOLLOW_UP, FOLLOW_UP_DAYS, suggestedFollowUp } from './follow-up';

/**
 * "Chase if no reply by…": the follow-up date, its calendar file, and a form to set, change or
 * remove it. With none set, the form offers 14 days after the date applied.
 */
const loadSchema = () => import('./event-schema').then((m) => m.FollowUpSchema);

export function FollowUpCard({
  applicationId,
  constraint,
  followUpOn,
  dateApplied,
  lastResult,
}: {
  applicationId: string;
  /** From the page's loader: `constraintOf(FollowUpSchema)`. */
  constraint: Constraints;
  followUpOn: string | null;
  dateApplied: string | null;
  lastResult?: FormReply | null;
}) {
  const suggested = followUpOn ? null : suggestedFollowUp(dateApplied);
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    id: 'follow-up-form',
    lastResult,
    defaultValue: { followUpOn: dateParts(followUpOn ?? suggested) },
  });
  const action = useTrackerPaths().followUp(applicationId);
  return (
    <section className="card" aria-labelledby="follow-up-heading" id="follow-up">
      <h2 id="follow-up-heading">Follow up</h2>
      {followUpOn ? (
        <p>
          Chase if no reply by <strong>{formatDate(followUpOn)}</strong>.{' '}
          <CalendarFileLink applicationId={applicationId}>Add to calendar (.ics)</CalendarFileLink>
        </p>
      ) : (
        <p className="muted">No follow-up date set.</p>
      )}
      <SchemaForm form={form} action={action} className="follow-up-form">
        {isSignedOutReply(lastResult) ? <SignedOutNotice /> : null}
        <DateField
          meta={fields.followUpOn}
          label="Chase if no reply by"
          hint={
            suggested
              ? `Suggested: ${FOLLOW_UP_DAYS} days after you applied. For example, 27 3 2026`
              : 'For example, 27 3 2026'
          }
        />
        <SubmitButton pendingText="Saving…">
          {followUpOn ? 'Change date' : 'Set follow-up date'}
        </SubmitButton>
      </SchemaForm>
      {followUpOn ? (
        // Its own form, so a half-typed date above never stops the removal.
        <Form method="post" action={action} className="follow-up-remove">
          <input type="hidden" name="intent" value={CLEAR_FOLLOW_UP} />
          <SubmitButton
            className="button--secondary"
            pendingText="Removing…"
            formAction={action}
            fields={{ intent: CLEAR_FOLLOW_UP }}
          >
            Remove follow-up date
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
