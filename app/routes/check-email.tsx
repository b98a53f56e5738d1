import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { Link, useLoaderData } from '@remix-run/react';
import { isLocalDevelopment } from '~/http/security.server';

export const meta: MetaFunction = () => [{ title: 'Check your email · JobTrack' }];

// Fixed messages chosen by `for`; nothing from the URL is ever shown. None of them says whether
// the address has an account.
const MESSAGES = {
  signup:
    'We have sent an email to the address you gave. Open the link in it to finish creating your ' +
    'account. If you already have an account, the email tells you how to sign in instead.',
  magiclink:
    'We have sent an email to the address you gave. If it has an account, the email has a link ' +
    'that signs you in. The link works once and expires in 30 minutes.',
  recovery:
    'We have sent an email to the address you gave. If it has an account, the email has a link to ' +
    'choose a new password. The link works once and expires in 60 minutes.',
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const kind = new URL(request.url).searchParams.get('for');
  const key = kind && Object.hasOwn(MESSAGES, kind) ? (kind as keyof typeof MESSAGES) : 'signup';
  const outbox = context.config.authMode === 'local' && isLocalDevelopment(request);
  return { message: MESSAGES[key], local: outbox };
}

export default function CheckEmail() {
  const { message, local } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <h1>Check your email</h1>
      <div className="card">
        <p>{message}</p>
        <p className="muted">
          Nothing there after a few minutes? Check your spam folder, or{' '}
          <Link to="/signin">go back to sign in</Link>.
        </p>
      </div>
      {local ? (
        <p className="notice">
          This copy of JobTrack runs in local mode: emails are not sent but shown in the{' '}
          <Link to="/dev/outbox">dev outbox</Link> and printed in the server’s console.
        </p>
      ) : null}
    </div>
  );
}
