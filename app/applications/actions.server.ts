// The applications' form actions, shared by the routes that show those forms: the add and edit
// pages (twins, one action) and the one-step status change on the list and on an application.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type AppLoadContext } from '@remix-run/cloudflare';
import { AUTH_UNAVAILABLE, getUserForForm, noteSignedOutForm } from '~/auth/current-user.server';
import { UNAVAILABLE } from '~/auth/replies.server';
import { SIGNED_OUT_MESSAGE } from '~/auth/signed-out';
import { invalid, readForm, refuse } from '~/components/forms/form.server';
import { notFound, requireUuid } from '~/http/not-found.server';
import { ApplicationSchema, StatusChangeSchema } from './application-schema';
import { changeStatus, createApplication, updateApplication } from './mutations.server';

/**
 * Saves the add or edit form: a new application when the route has no `id`, else changes to that
 * one (404 if it is not the person's). A form that arrives after the session ended answers 401
 * with every typed value, not a redirect to sign-in that would throw them away; without
 * JavaScript the page's loader then shows the form again (requireUserOrRefusedForm).
 */
export async function saveApplication({ request, params, context }: ActionFunctionArgs) {
  const id = params.id === undefined ? null : requireUuid(params.id);
  const formData = await readForm(request);
  const user = await getUserForForm(request, context);
  if (user === AUTH_UNAVAILABLE) {
    noteSignedOutForm(context);
    return refuse(formData, UNAVAILABLE, { status: 503, headers: { 'Retry-After': '30' } });
  }
  if (!user) {
    noteSignedOutForm(context);
    return refuse(formData, SIGNED_OUT_MESSAGE, { status: 401 });
  }
  const submission = parseWithZod(formData, { schema: ApplicationSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (id === null) {
    return redirect(`/applications/${await createApplication(context, user.id, submission.value)}`);
  }
  if (!(await updateApplication(context, user.id, id, submission.value))) throw notFound();
  return redirect(`/applications/${id}`);
}

/**
 * Applies a one-step status change from a submitted form. Returns null when done, or the refusal
 * to answer with (400); throws 404 for an id that is not the person's.
 */
export async function applyStatusChange(
  context: AppLoadContext,
  userId: string,
  id: unknown,
  formData: FormData,
) {
  if (formData.get('intent') !== 'status') {
    return refuse(formData, 'That form could not be handled. Please try again.');
  }
  const appId = requireUuid(id);
  const submission = parseWithZod(formData, { schema: StatusChangeSchema });
  if (submission.status !== 'success') return invalid(submission);
  if (!(await changeStatus(context, userId, appId, submission.value.status))) throw notFound();
  return null;
}
