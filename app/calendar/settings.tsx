import { Form } from '@remix-run/react';
import { useRef, useState } from 'react';
import { CopyButton } from '~/components/copy-button';
import {
  SchemaForm,
  SubmitButton,
  TextField,
  useSchemaForm,
  type Constraints,
  type FormReply,
} from '~/components/forms';
import { isSignedOutReply, SignedOutNotice } from '~/auth/signed-out';

/** Where the account page's tracker and calendar forms post. */
export const SETTINGS_ACTION = '/account/calendar';

const loadSchema = () => import('./settings-schema').then((m) => m.GhostWeeksSchema);
/** The forms' intents. */
export const INTENTS = {
  replace: 'replace-feed',
  revoke: 'revoke-feed',
  ghost: 'ghost-weeks',
} as const;

/** Said after a password change or sign-out elsewhere: the feed's address is not ended by either. */
export function FeedStillWorks() {
  return (
    <p className="notice">
      Your calendar feed still works: signing out and changing your password do not turn it off. If
      someone else may have its address, <a href="#calendar">make a new one</a>.
    </p>
  );
}

/**
 * A feed address just made, shown this once: whole (it wraps on a phone), with Copy once
 * JavaScript runs, and a link that opens it in the calendar app.
 */
function NewFeedAddress({ feedUrl }: { feedUrl: string }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="feed-url" role="status">
      <p>
        <strong>Your new feed address.</strong> Copy it now and add it to your calendar app as a
        subscription (“From URL” or “Subscribe to calendar”). For your privacy JobTrack does not
        keep it, so it will not be shown again.
      </p>
      <label htmlFor="feed-url-text">Feed address</label>
      <textarea
        ref={field}
        id="feed-url-text"
        readOnly
        rows={4}
        value={feedUrl}
        className="feed-url__text"
      />
      <div className="actions">
        <CopyButton
          text={feedUrl}
          field={field}
          copied="Copied. Paste it into your calendar app as a subscription."
          onCopied={setCopied}
        >
          Copy the address
        </CopyButton>
        <a href={feedUrl.replace(/^https?:/, 'webcal:')}>Open in your calendar app</a>
      </div>
      {copied ? <p>{copied}</p> : null}
    </div>
  );
}

/**
 * The private calendar feed: make one, replace it (the old address stops working) or turn it off.
 * The address is shown once, right after it is made: only its hash is kept.
 */
export function CalendarFeed({ hasFeed, feedUrl }: { hasFeed: boolean; feedUrl?: string | null }) {
  return (
    <section className="card" aria-labelledby="calendar-feed" id="calendar">
      <h2 id="calendar-feed">Calendar feed</h2>
      <p>
        Subscribe to your interviews, other dates and follow-ups in Google Calendar, Apple Calendar
        or Outlook, with reminders. Each date carries its place, link and notes, and your calendar
        provider keeps a copy of them. The address is private: anyone who has it can see all of
        this, so do not share it. Downloads of single dates are on each application.
      </p>
      {feedUrl ? (
        <NewFeedAddress key={feedUrl} feedUrl={feedUrl} />
      ) : hasFeed ? (
        <p>
          Your feed is on. If you have lost its address, or think someone else has it, make a new
          one: the old address stops working.
        </p>
      ) : (
        <p className="muted">You have no calendar feed.</p>
      )}
      <div className="actions">
        <Form method="post" action={SETTINGS_ACTION}>
          <input type="hidden" name="intent" value={INTENTS.replace} />
          <SubmitButton
            inline
            pendingText="Making the address…"
            formAction={SETTINGS_ACTION}
            fields={{ intent: INTENTS.replace }}
          >
            {hasFeed || feedUrl ? 'Make a new address' : 'Make a calendar feed'}
          </SubmitButton>
        </Form>
        {hasFeed || feedUrl ? (
          <Form method="post" action={SETTINGS_ACTION}>
            <input type="hidden" name="intent" value={INTENTS.revoke} />
            <SubmitButton
              inline
              className="button--secondary"
              pendingText="Turning off…"
              formAction={SETTINGS_ACTION}
              fields={{ intent: INTENTS.revoke }}
            >
              Turn the feed off
            </SubmitButton>
          </Form>
        ) : null}
      </div>
    </section>
  );
}

/**
 * After how many weeks without a reply the dashboard suggests marking an application Ghosted.
 * `ghostAfterWeeks` is null when the page shows a form refused because the session had ended.
 */
export function GhostWeeksForm({
  ghostAfterWeeks,
  constraint,
  lastResult,
}: {
  ghostAfterWeeks: number | null;
  /** From the page's loader: `constraintOf(GhostWeeksSchema)`. */
  constraint: Constraints;
  lastResult?: FormReply | null;
}) {
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    id: 'ghost-weeks',
    lastResult,
    defaultValue: { ghostAfterWeeks: ghostAfterWeeks === null ? null : String(ghostAfterWeeks) },
  });
  const signedOut = isSignedOutReply(lastResult);
  return (
    <section className="card" aria-labelledby="tracker-settings" id="tracker-settings">
      <h2 id="tracker-settings">No reply</h2>
      <SchemaForm form={form} action={SETTINGS_ACTION} formErrors={signedOut ? [] : undefined}>
        {signedOut ? <SignedOutNotice /> : null}
        <input type="hidden" name="intent" value={INTENTS.ghost} />
        <TextField
          meta={fields.ghostAfterWeeks}
          label="Suggest marking an application Ghosted after this many weeks without a reply"
          hint="From 1 to 52 weeks after the date you applied"
          inputMode="numeric"
        />
        <SubmitButton pendingText="Saving…" fields={{ intent: INTENTS.ghost }}>
          Save
        </SubmitButton>
      </SchemaForm>
    </section>
  );
}
