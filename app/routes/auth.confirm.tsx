import { parseWithZod } from '@conform-to/zod/v4';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { emailLinkSchema } from '~/auth/auth-schemas';
import { authFor } from '~/auth/auth.server';
import { SchemaForm, SubmitButton, useSchemaForm } from '~/components/forms';
import { invalid, readForm } from '~/components/forms/form.server';

export const meta: MetaFunction = () => [{ title: 'Continue to JobTrack · JobTrack' }];

const SPENT = 'This link has expired or has already been used. Please ask for a new one.';

// Opening the emailed link (GET) changes nothing: mail scanners that follow links must not spend
// the token. The person presses "Continue", and that POST spends it.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = emailLinkSchema.safeParse(params);
  return parsed.success ? { link: parsed.data } : { link: null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: emailLinkSchema });
  if (submission.status !== 'success') return invalid(submission);
  const { token_hash: token, type } = submission.value;
  const result = await authFor(context).verifyEmailLink(request, { token, type });
  if (!result.ok) return invalid(submission, { formErrors: [SPENT] });
  throw redirect('/', { headers: result.headers });
}

export default function ConfirmEmailLink() {
  const { link } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(emailLinkSchema, { lastResult });
  // A changed hidden field has no visible field to show its error beside.
  const errors = form.errors ?? fields.token_hash.errors ?? fields.type.errors;
  if (!link) return <BrokenLink />;
  const signup = link.type === 'signup';
  return (
    <div className="page narrow">
      <h1>{signup ? 'Confirm your email address' : 'Sign in to JobTrack'}</h1>
      <div className="card">
        <SchemaForm form={form} formErrors={errors}>
          <p>
            {signup
              ? 'Press Continue to confirm your email address and sign in.'
              : 'Press Continue to sign in.'}
          </p>
          <input type="hidden" name="token_hash" value={link.token_hash} />
          <input type="hidden" name="type" value={link.type} />
          <SubmitButton>Continue</SubmitButton>
        </SchemaForm>
      </div>
      {errors ? <AskAgain /> : null}
    </div>
  );
}

function BrokenLink() {
  return (
    <div className="page narrow">
      <h1>This link is not complete</h1>
      <p>Part of the link seems to be missing. Try copying the whole link from the email.</p>
      <AskAgain />
    </div>
  );
}

function AskAgain() {
  return (
    <ul>
      <li>
        <Link to="/magic-link">Email me a new sign-in link</Link>
      </li>
      <li>
        <Link to="/signin">Sign in with your password</Link> (if your email is not confirmed yet, we
        will send a new confirmation link)
      </li>
    </ul>
  );
}
