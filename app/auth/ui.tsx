import {
  getInputProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { FieldError } from '~/components/forms/fields';

/**
 * Conform set up the way every auth form uses it: the action's last reply, constraints from the
 * schema, and the same schema validating in the browser (on blur, then as the person types).
 */
export function useAuthForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, string>,
) {
  return useForm<z.input<Schema>>({
    lastResult,
    // Conform's DefaultValue type is deep and generic; these forms only prefill plain strings.
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    // Not onBlur: an error appearing on blur shifts the submit button away from a click in progress.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/**
 * The name of the first field with an error, for `autoFocus` after a full-page (no-JavaScript)
 * answer; with JavaScript, Conform moves focus itself.
 */
export function firstInvalid(fields: Array<FieldMetadata<unknown>>): string | undefined {
  return fields.find((field) => field.errors?.length)?.name;
}

/** True while a form on this page is being submitted. */
export function useSubmitting() {
  const navigation = useNavigation();
  return navigation.state === 'submitting';
}

/** The form's submit button; while submitting it says so and ignores further presses. */
export function SubmitButton({
  children,
  className,
  after,
}: {
  children: ReactNode;
  className?: string;
  /** Shown beside the button, such as a "Cancel" link. */
  after?: ReactNode;
}) {
  const submitting = useSubmitting();
  return (
    <div className="actions">
      <button
        type="submit"
        className={className}
        aria-disabled={submitting || undefined}
        onClick={(event) => {
          if (submitting) event.preventDefault();
        }}
      >
        {children}
      </button>
      {after}
      <span role="status" className="muted">
        {submitting ? 'Please wait…' : ''}
      </span>
    </div>
  );
}

/** A labelled checkbox with its error beside it. */
export function CheckboxField({
  meta,
  label,
  autoFocus,
}: {
  meta: FieldMetadata<boolean | undefined>;
  label: ReactNode;
  autoFocus?: boolean;
}) {
  const { key, ...props } = getInputProps(meta, { type: 'checkbox' });
  return (
    <div className={`field${meta.errors?.length ? ' field--invalid' : ''}`}>
      <div className="checkbox">
        <input
          key={key}
          {...props}
          autoFocus={autoFocus}
          aria-describedby={meta.errors?.length ? meta.errorId : undefined}
        />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      <FieldError meta={meta as unknown as FieldMetadata<string | undefined>} />
    </div>
  );
}
