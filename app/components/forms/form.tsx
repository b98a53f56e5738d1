import {
  getFormProps,
  parse,
  useForm,
  type FormMetadata,
  type Submission,
} from '@conform-to/react';
import { Form, useActionData } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { FormStateContext } from './form-state';
import { ErrorSummary, type FormReply } from './messages';
import type { SchemaFor, validate } from './validate';

/** What the fields draw from a schema (`required`, `min`…), made by `constraintOf` on the server. */
export type Constraints = NonNullable<Parameters<typeof useForm>[0]['constraint']>;

/**
 * Conform set up the way every form uses it: the action's last reply, the constraints the loader
 * sent, and the same schema validating in the browser, first on submit, then as the person types.
 *
 * zod, the schema and Conform's zod adapter are not in the page's first load: `load` fetches them
 * when the person first touches the form (docs/decisions/030). Until they arrive a submission goes
 * to the action, which checks it with the same schema, as it does for a browser without JavaScript.
 *
 * `Shape` is the form's fields as Conform sees them: the schema's input, unless one form serves
 * several schemas (the Statement Builder's three kinds).
 */
export function useSchemaForm<
  Schema extends z.ZodTypeAny,
  Shape extends Record<string, unknown> = z.input<Schema>,
>(
  load: () => Promise<Schema>,
  options: {
    constraint: Constraints;
    lastResult?: FormReply | null;
    /**
     * Values the form opens with (an edit page's saved values); null and '' count as empty. A
     * date input's value is its parts ({ day, month, year }).
     */
    defaultValue?: Record<string, FormValue> | Partial<NoInfer<Shape>>;
    /** Needed only when one page shows two forms built on the same schema. */
    id?: string;
    /**
     * Loads the schema for one submission, when a button sends only part of the form (sign-up's
     * "Continue with Google" asks for the age box alone).
     */
    loadSchemaFor?: () => Promise<SchemaFor>;
  },
) {
  const [checks, setChecks] = useState<Checks | null>(null);
  const [form, fields] = useForm<Shape>({
    id: options.id,
    lastResult: options.lastResult,
    // Conform's DefaultValue type is deep and generic; our forms only prefill plain strings.
    defaultValue: withoutEmpty(options.defaultValue) as never,
    constraint: options.constraint,
    // Not onBlur: an error appearing on blur shifts the submit button away from a click in progress.
    shouldValidate: 'onSubmit',
    // Before the checks arrive, typing must not send the form to the action to be checked.
    shouldRevalidate: checks ? 'onInput' : 'onSubmit',
    // The schema's output (numbers, booleans) may differ from the form's strings; Conform compares
    // only field names and errors. Before the checks arrive every submission passes here and goes
    // to the action, which says what was checked; a list button (add a criterion) still changes
    // the list in the page.
    onValidate: ({ formData }) =>
      (checks
        ? checks.run(formData)
        : parse(formData, { resolve: uncheckedYet })) as Submission<Shape>,
  });
  useChecksOnFirstUse(form.id, () =>
    Promise.all([load(), options.loadSchemaFor?.(), import('./validate')]).then(
      ([schema, schemaFor, { validate }]) => {
        setChecks({ run: (formData) => validate(formData, schema, schemaFor) });
        // Says so on the form, for tests that check what the browser does on its own.
        document.getElementById(form.id)?.setAttribute(CHECKS_READY, '');
      },
    ),
  );
  return [form, fields] as const;
}

/**
 * A submission before the checks arrive. `error: null` lets it through without Conform counting
 * every field it sent as checked: once the checks arrive they would otherwise show messages, as
 * the person types, for fields the action never asked for (sign-up's "Continue with Google" reads
 * the age box alone). A list button's intent must still be applied in the page.
 */
function uncheckedYet(value: Record<string, unknown>, intent: unknown) {
  return intent ? { value } : { error: null };
}

/** Set on a form once its checks have loaded and run in the browser. */
export const CHECKS_READY = 'data-checks-ready';

type Checks = { run: (formData: FormData) => ReturnType<typeof validate> };

/**
 * Calls `start` on the first focus, press, input or change inside the form `formId` (once it has
 * succeeded; a failed load, offline say, is tried again on the next use).
 */
function useChecksOnFirstUse(formId: string, start: () => Promise<void>) {
  // As first rendered: a form's checks do not change while it is open.
  const startRef = useRef(start);
  useEffect(() => {
    const events = ['focusin', 'pointerdown', 'input', 'change'] as const;
    let started = false;
    const onUse = (event: Event) => {
      if (started || !inForm(event.target, formId)) return;
      started = true;
      // Failed: the next use tries again; the action still checks every submission meanwhile.
      startRef.current().catch(() => (started = false));
    };
    events.forEach((name) => document.addEventListener(name, onUse, true));
    return () => events.forEach((name) => document.removeEventListener(name, onUse, true));
  }, [formId]);
}

function inForm(target: EventTarget | null, formId: string) {
  if (!(target instanceof Element)) return false;
  const field = target as Element & { form?: HTMLFormElement | null };
  return (field.form ?? target.closest('form'))?.id === formId;
}

/** A value a form can open with: text, or the parts of a date input. */
export type FormValue = string | Record<string, string> | null | undefined;

// Conform wants strings or undefined; the database gives null for empty columns.
function withoutEmpty(values: Record<string, unknown> | undefined) {
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
   * `checkedHere` is false when the form's checks had not arrived: the action will check it.
   */
  onValidSubmit?: (event: FormEvent<HTMLFormElement>, how: { checkedHere: boolean }) => void;
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
  const shown = [...(formErrors ?? form.errors ?? []), ...Object.keys(form.allErrors)].join('\n');
  useRefusalFocus(form.id, form.errorId, fieldInError, focusOnFormError, shown);
  return (
    <Form
      method={method}
      action={action}
      encType={encType}
      {...getFormProps(form)}
      onSubmit={(event) => {
        form.onSubmit(event);
        if (event.defaultPrevented) return;
        onValidSubmit?.(event, { checkedHere: event.currentTarget.hasAttribute(CHECKS_READY) });
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
 * After each answer from the action, moves focus to what it refused, so that a phone scrolls to
 * it and a screen reader reads it: the field named for a refusal of the whole form (sign-in's
 * password), or the error summary when no field can take it (a refusal of the whole form, a
 * hidden field's error). Conform focuses a visible field in error itself. Once per answer, so
 * typing is never interrupted, and again for the same refusal a second time.
 */
function useRefusalFocus(
  formId: string,
  summaryId: string,
  fieldInError: string | undefined,
  focusOnFormError: string | undefined,
  shown: string,
) {
  const answer = useActionData();
  // The answer last acted on: Conform shows an answer's errors a render after it arrives.
  const handled = useRef<unknown>(undefined);
  useEffect(() => {
    const summary = document.getElementById(summaryId);
    if (!answer || answer === handled.current || !summary) return;
    handled.current = answer;
    const name = fieldInError ?? focusOnFormError;
    const field = name ? document.getElementById(`${formId}-${name}`) : null;
    const focusable = field && !(field instanceof HTMLInputElement && field.type === 'hidden');
    if (!focusable) summary.focus();
    else if (!fieldInError) field.focus();
  }, [answer, shown, formId, summaryId, fieldInError, focusOnFormError]);
}
