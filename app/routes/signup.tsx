import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { googleSignUpSchema, signUpSchema } from '~/auth/auth-schemas';
import { PASSWORD_MIN } from '~/auth/field-limits';
import { authFor } from '~/auth/auth.server';
import { getUser } from '~/auth/current-user.server';
import { serverChecks } from '~/auth/common-passwords.server';
import { offersGoogle } from '~/auth/google-button';
import { goToGoogle, requireGoogle } from '~/auth/google.server';
import { Notice, noticeFor } from '~/components/notice';
import {
  CheckboxField,
  Honeypot,
  SchemaForm,
  SubmitButton,
  TextField,
  useSchemaForm,
} from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, invalidPart, isBot, readForm } from '~/components/forms/form.server';
import { limited } from '~/auth/replies.server';

export const meta: MetaFunction = () => [{ title: 'Create an account · JobTrack' }];

const CHECK_EMAIL = '/check-email?for=signup';

/** The value of `intent` that the "Continue with Google" button sends. */
const GOOGLE = 'google';

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect('/');
  const notice = noticeFor(request, ['google-age', 'google-cancelled', 'google-failed']);
  return {
    google: offersGoogle(context.config),
    notice,
    constraint: constraintOf(signUpSchema()),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get('intent') === GOOGLE) return continueWithGoogle(request, context, formData);
  const submission = parseWithZod(formData, { schema: signUpSchema(serverChecks) });
  if (submission.status !== 'success') return invalid(submission);
  // Bots get the same answer as people and nothing happens.
  if (!isBot(submission.value)) {
    const result = await authFor(context).signUp(request, submission.value);
    if (!result.ok) return limited(submission, result);
  }
  // The same answer whether or not the email already has an account.
  throw redirect(CHECK_EMAIL);
}

/**
 * "Continue with Google": the same form's age box, and nothing else of it, must be ticked; then
 * to Google, whose account becomes this person's JobTrack account (docs/decisions/028). A
 * refusal keeps the email typed beside it, as the sign-up form's own do.
 */
async function continueWithGoogle(
  request: Request,
  context: ActionFunctionArgs['context'],
  formData: FormData,
) {
  requireGoogle(context);
  const submission = parseWithZod(formData, { schema: googleSignUpSchema });
  if (submission.status !== 'success') return invalidPart(submission, googleSignUpSchema);
  // A bot gets the page back; nothing goes to Supabase.
  if (isBot(submission.value)) throw redirect('/signup');
  return goToGoogle(request, context, { from: '/signup', next: '/' });
}

const loadSchema = () => import('~/auth/auth-schemas').then((m) => m.signUpSchema());
const loadSchemaFor = () =>
  import('~/auth/auth-schemas').then(
    ({ googleSignUpSchema }) =>
      (formData: FormData) =>
        formData.get('intent') === GOOGLE ? googleSignUpSchema : undefined,
  );

export default function SignUp() {
  const { google, notice, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadSchema, { constraint, lastResult, loadSchemaFor });
  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <Notice message={notice} />
      <div className="card">
        <SchemaForm form={form}>
          <TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
          <TextField
            meta={fields.password}
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong password.`}
          />
          <CheckboxField meta={fields.adult} label="I am 18 or over" />
          <Honeypot />
          <SubmitButton name="intent" value="email">
            Create account
          </SubmitButton>
          {google ? (
            <div className="google-sign-in">
              <p className="muted">
                Or use your Google account: tick “I am 18 or over” above, then continue with Google.
              </p>
              {/* Sends the box alone: the email and password fields need not be filled in. */}
              <SubmitButton
                name="intent"
                value={GOOGLE}
                formNoValidate
                className="button button--secondary"
                pendingText="Going to Google…"
              >
                Continue with Google
              </SubmitButton>
            </div>
          ) : null}
        </SchemaForm>
      </div>
      <p>
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
      <p className="muted">
        JobTrack is for people aged 18 and over. Read how we use your data in our{' '}
        <Link to="/privacy">privacy policy</Link>.
      </p>
    </div>
  );
}
