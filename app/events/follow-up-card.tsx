import {
  DateField,
  dateParts,
  SchemaForm,
  SubmitButton,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import { useTrackerPaths } from '~/applications/paths';
import { isSignedOutReply, SignedOutNotice } from '~/auth/signed-out';
import type { Status } from '~/applications/statuses';
import { FOLLOW_UP_DAYS, followUpToOffer } from './follow-up';
import { FollowUpNow, RemoveFollowUpForm } from './follow-up-summary';

/**
 * The follow-up page's card: "Chase if no reply by…", its calendar file, and a form to type the
 * date, change it or remove it. With none set, the form offers 14 days after the date applied,
 * while the application waits for a reply and that day is ahead (followUpToOffer).
 * (An application's own page shows FollowUpSummary, which links here.)
 */
const loadSchema = () => import('./event-schema').then((m) => m.FollowUpSchema);

export function FollowUpCard({
  applicationId,
  constraint,
  followUpOn,
  dateApplied,
  status,
  today,
  lastResult,
}: {
  applicationId: string;
  /** From the page's loader: `constraintOf(FollowUpSchema)`. */
  constraint: Constraints;
  followUpOn: string | null;
  dateApplied: string | null;
  /** None when the form came back signed out. */
  status: Status | null;
  /** Today in London (YYYY-MM-DD). */
  today: string;
  lastResult?: FormReply | null;
}) {
  const suggested = followUpToOffer({ status, followUpOn, dateApplied }, today);
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
      <FollowUpNow
        applicationId={applicationId}
        followUpOn={followUpOn}
        status={status}
        today={today}
      />
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
          {followUpOn ? 'Change follow-up date' : 'Set follow-up date'}
        </SubmitButton>
      </SchemaForm>
      {followUpOn ? (
        <div className="follow-up-remove">
          <RemoveFollowUpForm applicationId={applicationId} />
        </div>
      ) : null}
    </section>
  );
}
