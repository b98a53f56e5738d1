import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs } from '@remix-run/cloudflare';
import { constraintOf } from '~/components/forms/constraint';
import { invalid, isBot, readForm } from '~/components/forms/form.server';
import { emailRequestSchema } from './auth-schemas';
import { authFor } from './auth.server';
import { limited } from './replies.server';

/** The page's loader: what its email field draws from the schema. */
export const emailRequestLoader = () => ({ constraint: constraintOf(emailRequestSchema) });

/**
 * The action behind both "email me a link" pages. The answer is the same whether or not the email
 * has an account (the email itself goes out after the answer), and a bot that filled the honeypot
 * gets it too, with nothing sent. Only a connection sending too many gets a 429.
 */
export async function requestEmailLink(
  { request, context }: ActionFunctionArgs,
  kind: 'magiclink' | 'recovery',
) {
  const submission = parseWithZod(await readForm(request), { schema: emailRequestSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (!isBot(submission.value)) {
    const auth = authFor(context);
    const result =
      kind === 'magiclink'
        ? await auth.sendMagicLink(request, submission.value)
        : await auth.sendPasswordReset(request, submission.value);
    if (!result.ok) return limited(submission, result);
  }
  throw redirect(`/check-email?for=${kind}`);
}
