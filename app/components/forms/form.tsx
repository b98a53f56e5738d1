import { getFormProps, useForm, type FormMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { FormStateContext } from './form-state';
import { ErrorSummary, type FormReply } from './messages';

/**
 * Conform set up the way every form uses it: the action's last reply, constraints from the schema,
 * and the same schema validating in the browser, first on submit, then as the person types.
 */
export function useSchemaForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  options: {
    lastResult?: FormReply | null;
    /**
     * Values the form opens with (an edit page's saved values); null and '' count as empty. A
     * date input's value is its parts ({ day, month, year }).
     */
    defaultValue?: Record<string, FormValue>;
    /** Needed only when one page shows two forms built on the same schema. */
    id?: string;
    /**
     * The schema for one submission, when a button sends only part of the form (sign-up's
     * "Continue with Google" asks for the age box alone); undefined for `schema`.
     */
    schemaFor?: (formData: FormData) => z.AnyZodObject | undefined;
  } = {},
) {
  return useForm<z.input<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    // Conform's DefaultValue type is deep and generic; our forms only prefill plain strings.
    defaultValue: withoutEmpty(options.defaultValue) as never,
    constraint: getZodConstraint(schema),
    // Not onBlur: an error appearing on blur shifts the submit button away from a click in progress.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate({ formData }) {
      const part = options.schemaFor?.(formData);
      if (!part) return parseWithZod(formData, { schema });
      // Only that part counts as checked: the fields it does not read show no error as the
      // person goes on typing (Conform revalidates every field a submission sent).
      return parseWithZod(onlyFields(formData, Object.keys(part.shape)), { schema: part });
    },
  });
}

function onlyFields(formData: FormData, names: string[]) {
  const kept = new FormData();
  for (const [name, value] of formData) if (names.includes(name)) kept.append(name, value);
  return kept;
}

/** A value a form can open with: text, or the parts of a date input. */
export type FormValue = string | Record<string, string> | null | undefined;

// Conform wants strings or undefined; the database gives null for empty columns.
function withoutEmpty(values: Record<string, FormValue> | undefined) {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value));
}

/**
 * A form wired to Conform (POST unless it only reads, like a date range): its errors at the top, and focus on the first field in error.
 *
 * Focus follows the order of the errors, which is the schema's order: list a schema's fields in
 * the order the page shows them. With JavaScript Conform moves focus itself after each reply; the
 * `autoFocus` the fields get from here serves the full-page answer a browser without it receives.
 */
export function SchemaForm<Shape extends Record<string, unknown>>({
  form,
  action,
  method = 'post',
  encType,
  className,
  focusOnFormError,
  formErrors,
  onValidSubmit,
  children,
}: {
  form: FormMetadata<Shape, string[]>;
  action?: string;
  method?: 'post' | 'get';
  /** multipart/form-data for a form with a file input. */
  encType?: 'multipart/form-data';
  className?: string;
  /**
   * Called once Conform has let a submission through (it stops an invalid one); may
   * preventDefault to take the submission over, as the Statement Builder does to stream Generate.
   */
  onValidSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** The field to focus when only the form as a whole is in error ("Email or password is wrong"). */
  focusOnFormError?: string;
  /** Messages to show at the top instead of the form's own (say, a hidden field's errors too). */
  formErrors?: string[];
  children: ReactNode;
}) {
  const fieldInError = Object.entries(form.allErrors).find(
    ([name, errors]) => name !== '' && errors.length > 0,
  )?.[0];
  const focus = fieldInError ?? (form.errors?.length ? focusOnFormError : undefined);
  return (
    <Form
      method={method}
      action={action}
      encType={encType}
      {...getFormProps(form)}
      onSubmit={(event) => {
        form.onSubmit(event);
        if (!event.defaultPrevented) onValidSubmit?.(event);
      }}
      className={className}
    >
      <ErrorSummary
        formId={form.id}
        formErrors={formErrors ?? form.errors}
        fieldErrors={form.allErrors}
        id={form.errorId}
      />
      <FormStateContext.Provider value={{ focus, action }}>{children}</FormStateContext.Provider>
    </Form>
  );
}
