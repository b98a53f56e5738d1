import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { useActionData, useLoaderData } from '@remix-run/react';
import { emailLinkSchema } from '~/auth/auth-schemas';
import { authFor } from '~/auth/auth.server';
import { BrokenLink, SpentLink } from '~/auth/link-pages';
import { limited } from '~/auth/replies.server';
import { SchemaForm, SubmitButton, TextField, useSchemaForm } from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, readForm } from '~/components/forms/form.server';
import { withNotice } from '~/components/notice';

export const meta: MetaFunction = () => [{ title: 'Continue to JobTrack · JobTrack' }];

const loadSchema = () => import('~/auth/auth-schemas').then((m) => m.emailLinkSchema);

const SPENT = 'This link has expired or has already been used. Please ask for a new one.';
const WRONG =
  'That is not the password this account was created with. Try again, or confirm without it.';

// Opening the emailed link (GET) changes nothing: mail scanners that follow links must not spend
// the token. It only reads whether the link still works, so a spent one says so at once. The
// person presses a button, and that POST spends it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = emailLinkSchema.safeParse(params);
  const constraint = constraintOf(emailLinkSchema);
  if (!parsed.success) return { link: null, constraint };
  const { token_hash, type } = parsed.data;
  const state = await authFor(context).inspectEmailLink(request, { token: token_hash, type });
  return {
    link: { token_hash, type },
    live: state.live,
    email: state.live ? state.email : null,
    asksForPassword: state.live && state.asksForPassword,
    constraint,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: emailLinkSchema });
  if (submission.status !== 'success') return invalid(submission);
  const { token_hash: token, type, intent, password } = submission.value;
  const result = await authFor(context).verifyEmailLink(request, {
    token,
    type,
    password: intent === 'with-password' ? (password ?? '') : null,
  });
  if (result.ok) {
    // The password chosen at sign-up is gone: the account page offers to choose one.
    const to = result.passwordRemoved ? withNotice('/account', 'choose-password') : '/';
    throw redirect(to, { headers: result.headers });
  }
  switch (result.reason) {
    case 'spent':
      return invalid(submission, { formErrors: [SPENT] });
    case 'wrong-password':
      return invalid(submission, { fieldErrors: { password: [WRONG] } });
    default:
      return limited(submission, result);
  }
}

export default function ConfirmEmailLink() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadSchema, { constraint: page.constraint, lastResult });
  // A changed hidden field has no visible field to show its error beside.
  const errors = form.errors ?? fields.token_hash.errors ?? fields.type.errors;
  if (!page.link) return <BrokenLink ask="magiclink" />;
  if (!page.live || errors?.includes(SPENT)) return <SpentLink ask="magiclink" />;
  const signup = page.link.type === 'signup';
  return (
    <div className="page narrow">
      <h1>{signup ? 'Confirm your email address' : 'Sign in to JobTrack'}</h1>
      <div className="card">
        <SchemaForm form={form} formErrors={errors}>
          <input type="hidden" name={fields.token_hash.name} value={page.link.token_hash} />
          <input type="hidden" name={fields.type.name} value={page.link.type} />
          {page.asksForPassword ? (
            <>
              <p>
                This confirms <strong>{page.email}</strong> for JobTrack. To keep the password the
                account was created with, enter it.
              </p>
              <TextField
                meta={fields.password}
                label="Password chosen at sign-up"
                type="password"
                autoComplete="current-password"
              />
              <SubmitButton name={fields.intent.name} value="with-password">
                Confirm and sign in
              </SubmitButton>
              <h2>Did not create this account, or do not know its password?</h2>
              <p>
                Confirm without it. Whoever chose that password can then no longer use it: it is
                removed, anyone signed in is signed out, and you choose a new password.
              </p>
              <SubmitButton
                name={fields.intent.name}
                value="without-password"
                className="button--secondary"
              >
                Confirm without the password
              </SubmitButton>
            </>
          ) : (
            <>
              <p>
                {signup
                  ? 'Press Continue to confirm your email address and sign in.'
                  : 'Press Continue to sign in.'}
              </p>
              <SubmitButton name={fields.intent.name} value="continue">
                Continue
              </SubmitButton>
            </>
          )}
        </SchemaForm>
      </div>
    </div>
  );
}
