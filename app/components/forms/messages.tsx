// A refused form's messages: the reply's shape, GOV.UK's error summary and the form-level message.
// Free of Conform's runtime and zod, so pages that only show a reply stay light.
import type { SubmissionResult } from '@conform-to/react';
import type { MouseEvent } from 'react';

/** What an action answers when a form is refused: Conform's reply (see form.server.ts). */
export type FormReply = SubmissionResult<string[]>;

/** The answer (413) to a form past the largest the server reads (form.server.ts). */
export const FORM_TOO_LARGE =
  'That form is too large to send. Please shorten what you typed and try again.';

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
    <div
      className="error-summary"
      role="alert"
      aria-labelledby={`${formId}-summary-title`}
      id={id}
      // Focused by SchemaForm when no field can take the refusal.
      tabIndex={-1}
    >
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
