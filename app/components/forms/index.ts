// The form kit: every form in JobTrack is built from these (see docs/decisions/006-one-form-kit.md).
// Server-side helpers live in ./form.server, which the browser bundle never sees.
export {
  CheckboxField,
  FieldError,
  Honeypot,
  SelectField,
  TextAreaField,
  TextField,
} from './fields';
export { SchemaForm, useSchemaForm } from './form';
export { FormErrors, replyMessages, type FormReply } from './form-state';
export { useIsPending } from './pending';
export { SubmitButton } from './submit-button';
