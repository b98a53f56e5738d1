import { useFormAction, useNavigation } from '@remix-run/react';

export type PendingOptions = {
  /** The form's `action`, as given to `<Form>`; by default the current route's own action. */
  formAction?: string;
  /** The form's method; POST unless told otherwise. */
  formMethod?: 'POST' | 'GET';
  /**
   * Hidden fields that tell this form apart from others posting to the same action (a list's
   * rows, say): every one must match what is being sent.
   */
  fields?: Record<string, string>;
};

/**
 * True while *this* form is being sent and until the page it leads to is shown: the navigation's
 * action, method and any `fields` must match. Another form on the page (the header's sign-out)
 * leaves it false.
 */
export function useIsPending({ formAction, formMethod = 'POST', fields }: PendingOptions = {}) {
  const navigation = useNavigation();
  // Resolved as <Form> resolves its own action, so the two strings can be compared.
  const action = useFormAction(formAction);
  if (navigation.state === 'idle' || !navigation.formMethod) return false;
  if (navigation.formMethod.toUpperCase() !== formMethod) return false;
  if (navigation.formAction !== action) return false;
  return Object.entries(fields ?? {}).every(
    ([name, value]) => navigation.formData?.get(name) === value,
  );
}
