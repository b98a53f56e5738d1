import { parseWithZod } from '@conform-to/zod/v4';
import { redirect, type ActionFunctionArgs } from '@remix-run/cloudflare';
import { invalid, isBot, readForm } from '~/components/forms/form.server';
import { emailRequestSchema } from './auth-schemas';
import { authFor } from './auth.server';

/**
 * The action behind both "email me a link" pages. The answer is the same whether or not the email
 * has an account, and a bot that filled the honeypot gets it too, with nothing sent.
 */
export async function requestEmailLink(
  { request, context }: ActionFunctionArgs,
  kind: 'magiclink' | 'recovery',
) {
  const submission = parseWithZod(await readForm(request), { schema: emailRequestSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (!isBot(submission.value)) {
    const auth = authFor(context);
    if (kind === 'magiclink') await auth.sendMagicLink(request, submission.value);
    else await auth.sendPasswordReset(request, submission.value);
  }
  throw redirect(`/check-email?for=${kind}`);
}
