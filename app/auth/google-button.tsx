import { Form } from '@remix-run/react';

/**
 * "Sign in with Google": a plain form POST that the server answers with a redirect to Google,
 * so it works without JavaScript. `reloadDocument` keeps it a real navigation with JavaScript too.
 */
export function GoogleButton({ redirectTo = '/' }: { redirectTo?: string }) {
  return (
    <Form method="post" action="/auth/google" reloadDocument className="google-sign-in">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" className="button button--secondary">
        Sign in with Google
      </button>
    </Form>
  );
}

/** Whether this deployment offers Sign in with Google (Supabase mode, GOOGLE_SIGN_IN=on). */
export const offersGoogle = (config: { supabase: { google: boolean } | null }) =>
  Boolean(config.supabase?.google);
