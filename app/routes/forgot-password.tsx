import type { ActionFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useActionData } from '@remix-run/react';
import { EMAIL_REQUEST_PAGES, EmailRequestPage } from '~/auth/email-request-form';
import { requestEmailLink } from '~/auth/email-request.server';

export const meta: MetaFunction = () => [
  { title: `${EMAIL_REQUEST_PAGES.recovery.title} · JobTrack` },
];

export const action = (args: ActionFunctionArgs) => requestEmailLink(args, 'recovery');

export default function ForgotPassword() {
  return <EmailRequestPage kind="recovery" lastResult={useActionData<typeof action>()} />;
}
