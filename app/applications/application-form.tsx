import { Link } from '@remix-run/react';
import {
  SchemaForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useSchemaForm,
  type FormReply,
} from '~/components/forms';
import { isSignedOutReply, SignedOutNotice } from '~/auth/signed-out';
import { ApplicationSchema, type ApplicationInput } from './application-schema';
import { STATUS_OPTIONS } from './statuses';

type Values = { [K in keyof ApplicationInput]?: string | null };

/** The add and edit application form: one component, one schema, errors beside each field. */
export function ApplicationForm({
  defaultValue,
  lastResult,
  cancelTo,
}: {
  defaultValue?: Values;
  lastResult?: FormReply | null;
  cancelTo: string;
}) {
  const [form, fields] = useSchemaForm(ApplicationSchema, {
    id: 'application',
    lastResult,
    defaultValue: { status: 'saved', ...defaultValue },
  });
  const signedOut = isSignedOutReply(lastResult);
  return (
    <SchemaForm
      form={form}
      className="card application-form"
      formErrors={signedOut ? [] : undefined}
    >
      {signedOut ? <SignedOutNotice /> : null}
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
        <TextField meta={fields.dateApplied} label="Date applied" type="date" />
        <TextField meta={fields.closingDate} label="Closing date" type="date" />
      </div>
      <TextField
        meta={fields.advertUrl}
        label="Job advert URL"
        hint="The full address, starting with https://"
        type="url"
        autoComplete="url"
      />
      <div className="form-grid">
        <TextField meta={fields.location} label="Location" hint="For example Leeds, or Remote" />
        <TextField
          meta={fields.salary}
          label="Salary"
          hint="As the advert puts it, for example £32,000–£36,000"
        />
        <TextField
          meta={fields.source}
          label="Source"
          hint="Where you found it, for example Civil Service Jobs"
        />
      </div>
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
