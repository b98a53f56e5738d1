import { Link } from '@remix-run/react';
import { isSignedOutReply, SignedOutNotice } from '~/auth/signed-out';
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
import { UnsavedChangesGuard } from '~/components/forms/unsaved';
import { STATUS_LABELS, type Status } from '~/applications/statuses';
import type { EventRow } from './events.server';
import { FORMAT_OPTIONS, KIND_OPTIONS, movesOnFrom } from './kinds';
import { toLondon } from './london-time';

const FORM_ID = 'event';

const loadSchema = () => import('./event-schema').then((m) => m.EventSchema);

/** A saved event as the form's opening values: its London date and time. */
export function eventFormValues(event: EventRow): Record<string, FormValue> {
  const { date, time } = toLondon(event.startsAt);
  return {
    kind: event.kind,
    date: dateParts(date),
    time,
    format: event.format,
    place: event.place,
    link: event.link,
    notes: event.notes,
  };
}

/** The add and edit event form: one schema, errors beside each field, UK date and time. */
export function EventForm({
  constraint,
  defaultValue,
  createKey,
  lastResult,
  cancelTo,
  submitLabel,
  action,
  updatedAt,
  movableFrom,
}: {
  /** From the page's loader: `constraintOf(EventSchema)`. */
  constraint: Constraints;
  defaultValue?: Record<string, FormValue>;
  /** The add form's one-time key. */
  createKey?: string;
  lastResult?: FormReply | null;
  cancelTo: string;
  submitLabel: string;
  /** Where it posts: its own page unless told (guest mode keeps the ids in the fragment). */
  action?: string;
  /** The version of the date the form opened, so a save can tell a change made elsewhere. */
  updatedAt?: string;
  /**
   * The application's status when an interview may move it on (Saved or Applied, the add form
   * only): the form then offers the move to Interviewing, ticked.
   */
  movableFrom?: Status | null;
}) {
  const offerMove = movableFrom != null && movesOnFrom(movableFrom);
  const [form, fields] = useSchemaForm(loadSchema, {
    constraint,
    id: FORM_ID,
    lastResult,
    defaultValue: {
      kind: 'interview',
      ...(offerMove ? { toInterviewing: 'on' } : {}),
      ...defaultValue,
    },
  });
  const signedOut = isSignedOutReply(lastResult);
  return (
    <SchemaForm
      form={form}
      action={action}
      className="card event-form"
      formErrors={signedOut ? [] : undefined}
    >
      {signedOut ? <SignedOutNotice /> : null}
      <UnsavedChangesGuard formId={FORM_ID} />
      {createKey ? <input type="hidden" name="createKey" value={createKey} /> : null}
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <SelectField meta={fields.kind} label="What is it?" options={KIND_OPTIONS} />
      {offerMove ? (
        <CheckboxField
          meta={fields.toInterviewing}
          label={`For an interview, phone screen or assessment centre: move the application from ${STATUS_LABELS[movableFrom]} to Interviewing`}
        />
      ) : null}
      <div className="form-grid form-grid--closing">
        <DateField meta={fields.date} label="Date" />
        <TextField
          meta={fields.time}
          label="Time (UK)"
          hint="For example 14:30 or 2.30pm. For an offer deadline, the time it ends."
        />
      </div>
      <SelectField meta={fields.format} label="How" options={FORMAT_OPTIONS} />
      <TextField
        meta={fields.place}
        label="Place"
        hint="For example the address, building or room"
        autoComplete="off"
      />
      <TextField
        meta={fields.link}
        label="Link"
        hint="For a video call or booking page: paste its address"
        inputMode="url"
      />
      <TextAreaField
        meta={fields.notes}
        label="Notes"
        hint="Who you will meet, what to bring, what to prepare"
        rows={5}
      />
      <SubmitButton
        pendingText="Saving…"
        after={
          <Link to={cancelTo} className="button button--secondary">
            Cancel
          </Link>
        }
      >
        {submitLabel}
      </SubmitButton>
    </SchemaForm>
  );
}
