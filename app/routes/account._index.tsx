import { track } from '~/analytics/posthog.client';
import { parseWithZod } from '@conform-to/zod';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/cloudflare';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useState } from 'react';
import { changePasswordSchema, choosePasswordSchema } from '~/auth/auth-schemas';
import { PASSWORD_MIN } from '~/auth/field-limits';
import { authFor } from '~/auth/auth.server';
import { serverChecks } from '~/auth/common-passwords.server';
import { requireUser, requireUserClaim } from '~/auth/current-user.server';
import { limited, weakPasswordMessage } from '~/auth/replies.server';
import {
  SchemaForm,
  SubmitButton,
  TextField,
  useSchemaForm,
  type Constraints,
} from '~/components/forms';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, readForm } from '~/components/forms/form.server';
import { Notice, noticeFor, noticeKeyFor, withNotice } from '~/components/notice';
import { ImportForm } from '~/portability/import-form';
import { ImportUploadSchema } from '~/portability/import-schema';
import { loadSettings } from '~/calendar/feed.server';
import { CalendarFeed, FeedStillWorks, GhostWeeksForm } from '~/calendar/settings';
import { GhostWeeksSchema } from '~/calendar/settings-schema';

export const meta: MetaFunction = () => [{ title: 'Your account · JobTrack' }];

// Two kinds of form post here; each says which it is, so each button knows when it is pending.
const SIGN_OUT_OTHERS = 'sign-out-others';
const SECURITY_NOTICES = ['password-changed', 'password-reset', 'signed-out-others'] as const;
const PASSWORD = 'password';

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The settings ride with the session check; the check answers who it is (and, locally,
  // whether they have a password), so the person below costs nothing more.
  const settings = await loadSettings(context, await requireUserClaim(request, context));
  const user = await requireUser(request, context);
  const hasPassword = await authFor(context).hasPassword(user);
  return {
    email: user.email,
    hasPassword,
    settings,
    notice: noticeFor(request, [
      'password-changed',
      'password-reset',
      'choose-password',
      'password-set',
      'signed-out-others',
      'calendar-revoked',
      'tracker-settings-saved',
    ]),
    // Someone who fears another has their account changes the password or signs out elsewhere;
    // the feed's address is a credential of its own that neither ends, so they are told.
    feedStillWorks: settings.hasFeed && noticeKeyFor(request, SECURITY_NOTICES) !== null,
    passwordSaved: noticeKeyFor(request, ['password-changed', 'password-set']) !== null,
    constraints: {
      password: constraintOf(hasPassword ? changePasswordSchema() : choosePasswordSchema()),
      ghostWeeks: constraintOf(GhostWeeksSchema),
      importUpload: constraintOf(ImportUploadSchema),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readForm(request);
  const auth = authFor(context);
  if (formData.get('intent') === SIGN_OUT_OTHERS) {
    await auth.signOutOthers(request, user);
    throw redirect(withNotice('/account', 'signed-out-others'));
  }

  // An account claimed by email link may have no password yet: then one is chosen, not changed.
  const hadPassword = await auth.hasPassword(user);
  const schema = hadPassword
    ? changePasswordSchema(serverChecks)
    : choosePasswordSchema(serverChecks);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return invalid(submission);
  const value: { currentPassword?: string; newPassword: string } = submission.value;
  const currentPassword = value.currentPassword ?? null;
  const { newPassword } = value;

  const result = await auth.changePassword(request, user, { currentPassword, newPassword });
  if (result.ok) {
    const notice = hadPassword ? 'password-changed' : 'password-set';
    throw redirect(withNotice('/account', notice), { headers: result.headers });
  }
  if (result.reason === 'wrong-password') {
    return invalid(submission, {
      fieldErrors: { currentPassword: ['Your current password is wrong'] },
    });
  }
  if (result.reason === 'weak-password') {
    return invalid(submission, {
      fieldErrors: { newPassword: [weakPasswordMessage(result.reasons)] },
    });
  }
  return limited(submission, result);
}

export default function Account() {
  const { email, hasPassword, settings, notice, feedStillWorks, passwordSaved, constraints } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // A password just saved is not left in its boxes (with JavaScript the page stays, and so would
  // they): each success draws the form afresh. A refused one, even just after, keeps what was typed.
  const { key } = useLocation();
  const [passwordForm, setPasswordForm] = useState(PASSWORD);
  if (passwordSaved && !lastResult && passwordForm !== key) setPasswordForm(key);
  return (
    <div className="page narrow">
      <h1>Your account</h1>
      <Notice message={lastResult ? null : notice} />
      {feedStillWorks && !lastResult ? <FeedStillWorks /> : null}
      <section className="card" aria-labelledby="account-email">
        <h2 id="account-email">Email</h2>
        <p className="address">{email}</p>
      </section>
      {hasPassword ? (
        <ChangePassword key={passwordForm} constraint={constraints.password} />
      ) : (
        <ChoosePassword key={passwordForm} constraint={constraints.password} />
      )}
      <section className="card" aria-labelledby="other-devices">
        <h2 id="other-devices">Other devices</h2>
        <p>
          Signed in on a computer you no longer use, or one you are not sure about? This signs out
          every device but this one.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value={SIGN_OUT_OTHERS} />
          <SubmitButton fields={{ intent: SIGN_OUT_OTHERS }} className="button--secondary">
            Sign out of all other devices
          </SubmitButton>
        </Form>
      </section>
      <CalendarFeed hasFeed={settings.hasFeed} />
      <GhostWeeksForm
        ghostAfterWeeks={settings.ghostAfterWeeks}
        constraint={constraints.ghostWeeks}
      />
      <YourData importConstraint={constraints.importUpload} />
      <section className="card" aria-labelledby="delete-account">
        <h2 id="delete-account">Delete your account</h2>
        <p>This deletes your account and every application in it, at once and for good.</p>
        <p>
          <Link to="/account/delete" className="button button--danger">
            Delete account
          </Link>
        </p>
      </section>
    </div>
  );
}

/** Download everything, or bring in an export: links and a form that work without JavaScript. */
function YourData({ importConstraint }: { importConstraint: Constraints }) {
  return (
    <section className="card" aria-labelledby="your-data">
      <h2 id="your-data">Your data</h2>
      <p>
        Download everything you have entered, at any time: every application with its history, and
        your statements with every version.
      </p>
      <ul className="download-links">
        <li>
          <a href="/account/export?as=json" download onClick={() => track('data_exported')}>
            Download all your data (JSON)
          </a>
          <span className="muted"> — JobTrack can import it again, here or in another account</span>
        </li>
        <li>
          <a href="/account/export?as=csv" download onClick={() => track('data_exported')}>
            Download your applications (CSV)
          </a>
          <span className="muted"> — one row each, for Excel or Google Sheets</span>
        </li>
      </ul>
      <h3 id="import-data">Import a JobTrack export</h3>
      <ImportForm constraint={importConstraint} lastResult={null} />
      <h3 id="import-csv">Import a spreadsheet</h3>
      <p>
        Applications kept in Excel, Google Sheets or another job tracker&rsquo;s CSV export:{' '}
        <Link to="/account/import-csv">import a CSV file</Link>, choosing what each column is before
        anything is added.
      </p>
    </section>
  );
}

const loadChangeSchema = () => import('~/auth/auth-schemas').then((m) => m.changePasswordSchema());

function ChangePassword({ constraint }: { constraint: Constraints }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadChangeSchema, { constraint, lastResult });
  return (
    <section className="card" aria-labelledby="change-password">
      <h2 id="change-password">Change password</h2>
      <SchemaForm form={form}>
        <TextField
          meta={fields.currentPassword}
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          meta={fields.newPassword}
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out on every other device.`}
        />
        <input type="hidden" name="intent" value={PASSWORD} />
        <SubmitButton fields={{ intent: PASSWORD }}>Change password</SubmitButton>
      </SchemaForm>
    </section>
  );
}

const loadChooseSchema = () => import('~/auth/auth-schemas').then((m) => m.choosePasswordSchema());

function ChoosePassword({ constraint }: { constraint: Constraints }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(loadChooseSchema, { constraint, lastResult });
  return (
    <section className="card" aria-labelledby="choose-password">
      <h2 id="choose-password">Choose a password</h2>
      <p>
        Your account has no password at the moment: you sign in with emailed links. Choose one to
        sign in with your email and password as well.
      </p>
      <SchemaForm form={form}>
        <TextField
          meta={fields.newPassword}
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. Setting it signs you out on every other device.`}
        />
        <input type="hidden" name="intent" value={PASSWORD} />
        <SubmitButton fields={{ intent: PASSWORD }}>Set password</SubmitButton>
      </SchemaForm>
    </section>
  );
}
