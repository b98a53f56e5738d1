// What a SchemaForm tells the fields and buttons inside it. Kept apart from form.tsx so that a
// page with only a submit button (a list's status change) loads no Conform and no zod.
import { createContext, useContext } from 'react';

type FormState = { focus: string | undefined; action: string | undefined };

/** Provided by SchemaForm: the field to focus on load and the form's action. */
export const FormStateContext = createContext<FormState>({ focus: undefined, action: undefined });

/** The name of the field that should take focus as the page loads: the first one in error. */
export const useFocusedField = () => useContext(FormStateContext).focus;

/** The action of the SchemaForm around this component, for its submit button. */
export const useFormActionProp = () => useContext(FormStateContext).action;
