import { getFormProps, useForm, type FormMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import type * as z from 'zod/v4-mini';
import { FormErrors, FormStateContext, type FormReply } from './form-state';

/**
 * Conform set up the way every form uses it: the action's last reply, constraints from the schema,
 * and the same schema validating in the browser, first on submit, then as the person types.
 */
export function useSchemaForm<Schema extends z.ZodMiniType<unknown, Record<string, unknown>>>(
  schema: Schema,
  options: {
    lastResult?: FormReply | null;
    /** Values the form opens with (an edit page's saved values); null and '' count as empty. */
    defaultValue?: Record<string, string | null | undefined>;
    /** Needed only when one page shows two forms built on the same schema. */
    id?: string;
  } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    // Conform's DefaultValue type is deep and generic; our forms only prefill plain strings.
    defaultValue: withoutEmpty(options.defaultValue) as never,
    constraint: getZodConstraint(schema),
    // Not onBlur: an error appearing on blur shifts the submit button away from a click in progress.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

// Conform wants strings or undefined; the database gives null for empty columns.
function withoutEmpty(values: Record<string, string | null | undefined> | undefined) {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as Record<
    string,
    string
  >;
}

/**
 * A POST form wired to Conform: its errors at the top, and focus on the first field in error.
 *
 * Focus follows the order of the errors, which is the schema's order: list a schema's fields in
 * the order the page shows them. With JavaScript Conform moves focus itself after each reply; the
 * `autoFocus` the fields get from here serves the full-page answer a browser without it receives.
 */
export function SchemaForm<Shape extends Record<string, unknown>>({
  form,
  action,
  className,
  focusOnFormError,
  formErrors,
  children,
}: {
  form: FormMetadata<Shape, string[]>;
  action?: string;
  className?: string;
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
    <Form method="post" action={action} {...getFormProps(form)} className={className}>
      <FormErrors errors={formErrors ?? form.errors} id={form.errorId} />
      <FormStateContext.Provider value={{ focus, action }}>{children}</FormStateContext.Provider>
    </Form>
  );
}
