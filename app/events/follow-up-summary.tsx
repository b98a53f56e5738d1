import { Form, Link } from '@remix-run/react';
import { formatDate } from '~/applications/dates';
import { useTrackerPaths } from '~/applications/paths';
import { DATE_PARTS, dateParts } from '~/components/forms/date-parts';
import { SubmitButton } from '~/components/forms/submit-button';
import { CalendarFileLink } from './calendar-link';
import type { Status } from '~/applications/statuses';
import {
  CLEAR_FOLLOW_UP,
  FOLLOW_UP_DAYS,
  followUpToOffer,
  isWaiting,
  WAITING_FOR_REPLY,
} from './follow-up';

/**
 * The follow-up date on an application's page: the date with its calendar file, and one press to
 * set the suggested date, change it or remove it. Typing a date of one's own happens on the
 * follow-up page (FollowUpCard), so this card needs none of the form kit's browser code. The one
 * press is offered only while the application waits for a reply and the suggestion is still ahead.
 */
export function FollowUpSummary({
  applicationId,
  status,
  followUpOn,
  dateApplied,
  today,
}: {
  applicationId: string;
  status: Status;
  followUpOn: string | null;
  dateApplied: string | null;
  /** Today in London (YYYY-MM-DD), from the page's loader. */
  today: string;
}) {
  const page = useTrackerPaths().followUp(applicationId);
  const suggested = followUpToOffer({ status, followUpOn, dateApplied }, today);
  const parts = suggested ? dateParts(suggested) : undefined;
  return (
    <section className="card" aria-labelledby="follow-up-heading" id="follow-up">
      <h2 id="follow-up-heading">Follow up</h2>
      <FollowUpNow
        applicationId={applicationId}
        followUpOn={followUpOn}
        status={status}
        today={today}
      />
      {followUpOn ? (
        <div className="actions">
          <Link to={page} className="button button--secondary">
            Change follow-up date
          </Link>
          <RemoveFollowUpForm applicationId={applicationId} />
        </div>
      ) : parts ? (
        <Form method="post" action={page} className="follow-up-suggested">
          {DATE_PARTS.map((part) => (
            <input key={part} type="hidden" name={`followUpOn.${part}`} value={parts[part]} />
          ))}
          <p className="muted">Suggested: {FOLLOW_UP_DAYS} days after you applied.</p>
          <SubmitButton
            pendingText="Saving…"
            formAction={page}
            after={<Link to={page}>Choose another date</Link>}
          >
            Set follow-up date: {formatDate(suggested)}
          </SubmitButton>
        </Form>
      ) : (
        <p>
          <Link to={page}>Set a follow-up date</Link>
        </p>
      )}
    </section>
  );
}

/** Why an application that does not wait for a reply is not chased. */
const NOT_WAITING: Record<Exclude<Status, (typeof WAITING_FOR_REPLY)[number]>, string> = {
  saved: 'this application has not been sent yet',
  offer: 'this application has an offer',
  accepted: 'this application’s offer was accepted',
  rejected: 'this application was rejected',
  withdrawn: 'this application was withdrawn',
  ghosted: 'this application is marked Ghosted',
};

/**
 * "Chase if no reply by…" with its calendar file, "chase now" once the day has come (as the
 * dashboard's follow-ups due say), or that none is set. An application with an answer (or not yet
 * sent) is not chased: its date stays, off the dashboard and the calendar.
 */
export function FollowUpNow({
  applicationId,
  followUpOn,
  status,
  today,
}: {
  applicationId: string;
  followUpOn: string | null;
  /** None when a form came back signed out: shown as waiting. */
  status: Status | null;
  /** Today in London (YYYY-MM-DD). */
  today: string;
}) {
  if (!followUpOn) return <p className="muted">No follow-up date set.</p>;
  if (status && !isWaiting(status)) {
    return (
      <p>
        Not chased: {NOT_WAITING[status]}. The follow-up date, {formatDate(followUpOn)}, comes back
        if it moves to Applied or Interviewing.
      </p>
    );
  }
  if (followUpOn <= today) {
    return (
      <p>
        <strong>Chase now</strong> if you have heard nothing: the follow-up date,{' '}
        {formatDate(followUpOn)}, {followUpOn === today ? 'is today' : 'has passed'}.
      </p>
    );
  }
  return (
    <p>
      Chase if no reply by <strong>{formatDate(followUpOn)}</strong>.{' '}
      <CalendarFileLink applicationId={applicationId}>Add to calendar (.ics)</CalendarFileLink>
    </p>
  );
}

/** Removes the follow-up date: a form of its own, so a half-typed date never stops it. */
export function RemoveFollowUpForm({ applicationId }: { applicationId: string }) {
  const action = useTrackerPaths().followUp(applicationId);
  return (
    <Form method="post" action={action}>
      <input type="hidden" name="intent" value={CLEAR_FOLLOW_UP} />
      <SubmitButton
        className="button--secondary"
        pendingText="Removing…"
        formAction={action}
        fields={{ intent: CLEAR_FOLLOW_UP }}
        inline
      >
        Remove follow-up date
      </SubmitButton>
    </Form>
  );
}
