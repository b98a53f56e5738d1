import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { createContext, useContext, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import type { z } from 'zod';

/** What an action answers when a form is refused: Conform's reply (see form.server.ts). */
export type FormReply = SubmissionResult<string[]>;

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

type FormState = { focus: string | undefined; action: string | undefined };

const FormStateContext = createContext<FormState>({ focus: undefined, action: undefined });

/** The name of the field that should take focus as the page loads: the first one in error. */
export const useFocusedField = () => useContext(FormStateContext).focus;

/** The action of the SchemaForm around this component, for its submit button. */
export const useFormActionProp = () => useContext(FormStateContext).action;

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

/**
 * GOV.UK's error summary at the top of a refused form: "There is a problem", then each message,
 * those about a field as a link to it (to the first box at fault, for a date). Announced to
 * screen readers as it appears.
 */
export function ErrorSummary({
  formId,
  formErrors = [],
  fieldErrors,
  id,
}: {
  formId: string;
  formErrors?: string[];
  fieldErrors: Record<string, string[] | undefined>;
  id?: string;
}) {
  const entries = Object.entries(fieldErrors).filter(
    (entry): entry is [string, string[]] => entry[0] !== '' && Boolean(entry[1]?.length),
  );
  const names = entries.map(([name]) => name);
  const links = entries
    // A date's boxes carry its message too; the summary names the date once.
    .filter(([name]) => !names.some((other) => name.startsWith(`${other}.`)))
    .map(([name, messages]) => {
      const target = names.find((other) => other.startsWith(`${name}.`)) ?? name;
      return { href: `#${formId}-${target}`, message: messages[0]! };
    })
    .filter((link) => !formErrors.includes(link.message));
  if (formErrors.length === 0 && links.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${formId}-summary-title`} id={id}>
      <h2 className="error-summary__title" id={`${formId}-summary-title`}>
        There is a problem
      </h2>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} onClick={focusTarget}>
              {link.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// With JavaScript, a summary link puts the cursor in its field (a plain fragment link only scrolls).
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!(target instanceof HTMLElement)) return;
  event.preventDefault();
  const field = target.matches('input, select, textarea') ? target : target.querySelector('input');
  (field ?? target).focus();
  target.closest('.field')?.scrollIntoView({ block: 'start' });
}

/** A form-level message (for example "Email or password is wrong"), announced to screen readers. */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

/** Every message in a reply, the form's own first: for forms that show them all in one place. */
export function replyMessages(reply: FormReply | null | undefined): string[] {
  const error = reply?.error ?? {};
  const { '': own = [], ...fields } = error;
  // A set: a date's message is on the date and on each of its boxes.
  return [
    ...new Set([...(own ?? []), ...Object.values(fields).flatMap((messages) => messages ?? [])]),
  ];
}
