import type { AnalyticsEvent } from '~/analytics/events';
import { track } from '~/analytics/posthog.client';
import { Link } from '@remix-run/react';
import {
  CheckboxField,
  DateField,
  dateParts,
  SchemaForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useSchemaForm,
  type Constraints,
  type FormReply,
  type FormValue,
} from '~/components/forms';
import { isSignedOutReply, SignedOutNotice } from '~/auth/signed-out';
import { UnsavedChangesGuard } from '~/components/forms/unsaved';
import { clockTime } from './closing';
import { STATUS_OPTIONS } from './statuses';
import type { ApplicationRecord } from './types';

const FORM_ID = 'application';

const loadSchema = () => import('./application-schema').then((m) => m.ApplicationSchema);

/** A saved application as the form's opening values (dates as their day, month and year). */
export function formValues(a: ApplicationRecord): Record<string, FormValue> {
  return {
    company: a.company,
    role: a.role,
    status: a.status,
    dateApplied: dateParts(a.dateApplied),
    closingDate: dateParts(a.closingDate),
    closingTime: clockTime(a.closingTime),
    mayCloseEarly: a.mayCloseEarly ? 'on' : undefined,
    advertUrl: a.advertUrl,
    reference: a.reference,
    grade: a.grade,
    location: a.location,
    source: a.source,
    salaryMin: a.salaryMin == null ? undefined : String(a.salaryMin),
    salaryMax: a.salaryMax == null ? undefined : String(a.salaryMax),
    salaryNote: a.salaryNote,
    notes: a.notes,
  };
}

/** The add and edit application form: one component, one schema, errors beside each field. */
export function ApplicationForm({
  constraint,
  defaultValue,
  lastResult,
  cancelTo,
  oneTimeKey,
  analyticsEvent,
  action,
  updatedAt,
}: {
  /** From the page's loader: `constraintOf(ApplicationSchema)`. */
  constraint: Constraints;
  defaultValue?: Record<string, FormValue>;
  lastResult?: FormReply | null;
  cancelTo: string;
  /** A create form's one-time key: sending the form twice saves one application. */
  oneTimeKey?: string;
  /** The analytics event a valid submission counts as (adding an application). */
  analyticsEvent?: AnalyticsEvent;
  /** Where to post, when not this page's own address (guest mode keeps the id's fragment). */
  action?: string;
  /** An edit form's record as it opened: the save is refused if the record has changed since. */
  updatedAt?: string;
}) {
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    id: FORM_ID,
    lastResult,
    defaultValue: { status: 'saved', ...defaultValue },
  });
  const signedOut = isSignedOutReply(lastResult);
  return (
    <SchemaForm
      form={form}
      action={action}
      className="card application-form"
      formErrors={signedOut ? [] : undefined}
      // Counted only once the browser has found the form valid (not a Save pressed before the
      // form's checks arrived, which the action may refuse).
      onValidSubmit={(_, { checkedHere }) => {
        if (analyticsEvent && checkedHere) track(analyticsEvent);
      }}
    >
      {signedOut ? <SignedOutNotice /> : null}
      <UnsavedChangesGuard formId={FORM_ID} />
      {oneTimeKey ? <input type="hidden" name="key" value={oneTimeKey} /> : null}
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <div className="form-grid">
        <TextField
          meta={fields.company}
          label="Company"
          hint="The employer, or the agency advertising the job"
          autoComplete="organization"
        />
        <TextField
          meta={fields.role}
          label="Role"
          hint="The job title"
          autoComplete="organization-title"
        />
      </div>
      <div className="form-grid">
        <SelectField meta={fields.status} label="Status" options={STATUS_OPTIONS} />
        <DateField
          meta={fields.dateApplied}
          label="Date applied"
          hint={`The day you sent it (left empty, ${updatedAt === undefined ? 'an Applied one' : 'a move to Applied'} is dated today); empty for a Saved advert. For example, 27 3 2026`}
        />
      </div>
      <div className="form-grid form-grid--closing">
        <DateField meta={fields.closingDate} label="Closing date" />
        <div className="field-stack">
          <TextField
            meta={fields.closingTime}
            label="Closing time"
            hint="Leave empty for the end of the day. Civil Service Jobs adverts close at 23:55."
          />
          <CheckboxField meta={fields.mayCloseEarly} label="The advert may close early" />
        </div>
      </div>
      <TextField
        meta={fields.advertUrl}
        label="Job advert URL"
        hint="Paste the advert’s address from your browser"
        inputMode="url"
        autoComplete="url"
      />
      <div className="form-grid">
        <TextField
          meta={fields.reference}
          label="Reference number"
          hint="As on NHS Jobs, Trac or Civil Service Jobs"
        />
        <TextField meta={fields.grade} label="Band or grade" hint="For example Band 5, EO or HEO" />
      </div>
      <div className="form-grid">
        <TextField meta={fields.location} label="Location" hint="For example Leeds, or Remote" />
        <TextField
          meta={fields.source}
          label="Source"
          hint="Where you found it, for example Civil Service Jobs"
        />
      </div>
      <fieldset className="salary">
        <legend>Salary</legend>
        <div className="form-grid form-grid--salary">
          <TextField
            meta={fields.salaryMin}
            label="From (£ a year)"
            hint="For example 29,970"
            inputMode="numeric"
          />
          <TextField
            meta={fields.salaryMax}
            label="To (£ a year)"
            hint="Leave empty for one figure"
            inputMode="numeric"
          />
          <TextField
            meta={fields.salaryNote}
            label="Salary note"
            hint="For example pro rata, or £12.50 an hour"
          />
        </div>
      </fieldset>
      <TextAreaField meta={fields.notes} label="Notes" rows={8} />
      <SubmitButton
        pendingText="Saving…"
        after={
          <Link to={cancelTo} className="button button--secondary">
            Cancel
          </Link>
        }
      >
        Save application
      </SubmitButton>
    </SchemaForm>
  );
}
