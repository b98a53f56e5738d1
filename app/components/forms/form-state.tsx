// The kit's pieces that need no schema: the refused-form reply's type, the messages at the top of a
// form, and what a SchemaForm tells the fields and buttons inside it. Kept apart from ./form, so a
// page whose only form is a button does not load Conform's zod adapter and zod with it.
import type { SubmissionResult } from '@conform-to/react';
import { createContext, useContext } from 'react';

/** What an action answers when a form is refused: Conform's reply (see form.server.ts). */
export type FormReply = SubmissionResult<string[]>;

type FormState = { focus: string | undefined; action: string | undefined };

/** What a SchemaForm tells the fields and buttons inside it. */
export const FormStateContext = createContext<FormState>({ focus: undefined, action: undefined });

/** The name of the field that should take focus as the page loads: the first one in error. */
export const useFocusedField = () => useContext(FormStateContext).focus;

/** The action of the SchemaForm around this component, for its submit button. */
export const useFormActionProp = () => useContext(FormStateContext).action;

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
  return [...(own ?? []), ...Object.values(fields).flatMap((messages) => messages ?? [])];
}
