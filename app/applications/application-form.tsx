import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, Link, useNavigation } from '@remix-run/react';
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms/fields';
import { ApplicationSchema, type ApplicationInput } from './application-schema';
import { STATUS_OPTIONS } from './statuses';

type Values = { [K in keyof ApplicationInput]?: string | null };

// Field order on the page; the first invalid one gets focus when the page comes back without JS.
const ORDER = [
  'company',
  'role',
  'status',
  'dateApplied',
  'closingDate',
  'advertUrl',
  'location',
  'salary',
  'source',
  'notes',
] as const;

/** The add and edit application form: one component, one schema, errors beside each field. */
export function ApplicationForm({
  defaultValue,
  lastResult,
  cancelTo,
}: {
  defaultValue?: Values;
  lastResult?: SubmissionResult<string[]> | null;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const saving =
    navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post';
  const [form, fields] = useForm({
    id: 'application',
    lastResult,
    defaultValue: { status: 'saved', ...clean(defaultValue) },
    constraint: getZodConstraint(ApplicationSchema),
    // Not onBlur: an error appearing on blur shifts the submit button away from a click in progress.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApplicationSchema }),
  });
  const firstInvalid = ORDER.find((name) => fields[name].errors?.length);
  const focus = (name: (typeof ORDER)[number]) => firstInvalid === name;

  return (
    <Form method="post" {...getFormProps(form)} className="card application-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <div className="form-grid">
        <TextField
          meta={fields.company}
          label="Company"
          hint="The employer, or the agency advertising the job"
          autoComplete="organization"
          autoFocus={focus('company')}
        />
        <TextField
          meta={fields.role}
          label="Role"
          hint="The job title"
          autoComplete="organization-title"
          autoFocus={focus('role')}
        />
      </div>
      <div className="form-grid">
        <SelectField
          meta={fields.status}
          label="Status"
          options={STATUS_OPTIONS}
          autoFocus={focus('status')}
        />
        <TextField
          meta={fields.dateApplied}
          label="Date applied"
          type="date"
          autoFocus={focus('dateApplied')}
        />
        <TextField
          meta={fields.closingDate}
          label="Closing date"
          type="date"
          autoFocus={focus('closingDate')}
        />
      </div>
      <TextField
        meta={fields.advertUrl}
        label="Job advert URL"
        hint="The full address, starting with https://"
        type="url"
        autoComplete="url"
        autoFocus={focus('advertUrl')}
      />
      <div className="form-grid">
        <TextField
          meta={fields.location}
          label="Location"
          hint="For example Leeds, or Remote"
          autoFocus={focus('location')}
        />
        <TextField
          meta={fields.salary}
          label="Salary"
          hint="As the advert puts it, for example £32,000–£36,000"
          autoFocus={focus('salary')}
        />
        <TextField
          meta={fields.source}
          label="Source"
          hint="Where you found it, for example Civil Service Jobs"
          autoFocus={focus('source')}
        />
      </div>
      <TextAreaField meta={fields.notes} label="Notes" rows={8} autoFocus={focus('notes')} />
      <div className="actions">
        {/* aria-disabled rather than disabled keeps focus on the button; the click guard stops a double save. */}
        <button
          type="submit"
          aria-disabled={saving || undefined}
          onClick={(e) => saving && e.preventDefault()}
        >
          Save application
        </button>
        <Link to={cancelTo} className="button button--secondary">
          Cancel
        </Link>
        {saving ? (
          <span role="status" className="muted">
            Saving…
          </span>
        ) : null}
      </div>
    </Form>
  );
}

// Conform wants strings or undefined; the database gives null for empty columns.
function clean(values: Values | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) if (value) out[key] = value;
  return out;
}
