import type { FormReply } from '~/components/forms';

// A form sent after its session ended is refused with every typed value (401), and its page is
// shown again with those values, whether the browser runs JavaScript or not. This says why it was
// not saved and how to save it without losing a word.

/** The refusal's message: how the page knows the reply is this one. */
export const SIGNED_OUT_MESSAGE = 'You have been signed out, so this was not saved.';

/** True when `reply` refused a form because its session had ended. */
export function isSignedOutReply(reply: FormReply | null | undefined) {
  return Boolean(reply?.error?.['']?.includes(SIGNED_OUT_MESSAGE));
}

/** The message, with a way to sign in that leaves this page (and what was typed) as it is. */
export function SignedOutNotice() {
  return (
    <div className="form-errors" role="alert">
      <p>
        {SIGNED_OUT_MESSAGE}{' '}
        <a href="/signin" target="_blank" rel="noopener">
          Sign in again in a new tab
        </a>
        , then come back to this page and press Save again: what you typed is still here.
      </p>
    </div>
  );
}
