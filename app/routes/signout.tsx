import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/cloudflare';
import { Form } from '@remix-run/react';
import { authFor } from '~/auth/auth.server';
import { SubmitButton } from '~/components/forms/submit-button';
import { withNotice } from '~/components/notice';

export const meta: MetaFunction = () => [{ title: 'Sign out · JobTrack' }];

// Signing out changes state, so only a POST does it. A GET (a typed URL, a prefetch, a link
// scanner) just shows the button.

export async function action({ request, context }: ActionFunctionArgs) {
  const headers = await authFor(context).signOut(request);
  // The browser drops what it cached of signed-in pages. Never "storage": a guest's data lives
  // in this site's localStorage, and signing out of an account must not erase it.
  headers.set('Clear-Site-Data', '"cache"');
  throw redirect(withNotice('/', 'signed-out'), { headers });
}

export default function SignOut() {
  return (
    <div className="page narrow">
      <h1>Sign out</h1>
      <div className="card">
        <Form method="post">
          <p>Sign out of JobTrack on this device?</p>
          <SubmitButton>Sign out</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
