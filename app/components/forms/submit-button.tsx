import type { ReactNode } from 'react';
import { useFormActionProp } from './form-state';
import { useIsPending, type PendingOptions } from './pending';

/**
 * A form's submit button. While its own form is being sent it says so (`pendingText`, announced
 * to screen readers) and ignores further presses; aria-disabled rather than disabled keeps focus
 * on it. Inside a SchemaForm it knows the form's action; elsewhere pass `formAction` (and `fields`
 * when several forms post to one action). A button with a `name` and `value` (one of a form's
 * choices) is pending only when it was the one pressed.
 */
export function SubmitButton({
  children,
  className,
  pendingText = 'Please wait…',
  after,
  inline = false,
  formNoValidate,
  name,
  value,
  form,
  busy = false,
  ...match
}: PendingOptions & {
  /** The id of the form it submits, when it sits outside that form. */
  form?: string;
  /** With `value`: sent when this button is pressed (`intent`, say). */
  name?: string;
  value?: string;
  children: ReactNode;
  className?: string;
  pendingText?: string;
  /** Shown beside the button, such as a "Cancel" link. */
  after?: ReactNode;
  /** Button and status only, for a row that has its own layout (no `.actions` wrapper). */
  inline?: boolean;
  /**
   * Skips the browser's own checks of the form's required fields (without JavaScript): for a
   * button that sends only some of them, whose refusals the server gives beside the field.
   */
  formNoValidate?: boolean;
  /** Refuses a press, as while pending, when something else the page started is under way. */
  busy?: boolean;
}) {
  const contextAction = useFormActionProp();
  const fields = name && value !== undefined ? { ...match.fields, [name]: value } : match.fields;
  const pending = useIsPending({
    ...match,
    fields,
    formAction: match.formAction ?? contextAction,
  });
  const content = (
    <>
      <button
        type="submit"
        form={form}
        formNoValidate={formNoValidate}
        name={name}
        value={value}
        className={className}
        aria-disabled={pending || busy || undefined}
        onClick={(event) => {
          if (pending || busy) event.preventDefault();
        }}
      >
        {children}
      </button>
      {after}
      <span role="status" className="muted">
        {pending ? pendingText : ''}
      </span>
    </>
  );
  return inline ? content : <div className="actions">{content}</div>;
}
