// The form kit: every form in JobTrack is built from these (see docs/decisions/006-one-form-kit.md).
// Server-side helpers live in ./form.server, which the browser bundle never sees.
export {
  CheckboxField,
  DateField,
  FileField,
  FieldError,
  Honeypot,
  SelectField,
  TextAreaField,
  TextField,
} from './fields';
export { dateParts } from './date-parts';
export { SchemaForm, useSchemaForm, type Constraints, type FormValue } from './form';
export { ErrorSummary, FormErrors, replyMessages, type FormReply } from './messages';
export { useIsPending } from './pending';
export { SubmitButton } from './submit-button';
