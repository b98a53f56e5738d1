// POST /statements/:id/versions/:versionId/stop: the Stop button. The draft being written notices
// within about a second (it looks at its row as it saves the text so far), stops asking Claude, and
// keeps what it has. Without JavaScript this answers with the version's page.
import type { ActionFunctionArgs } from '@remix-run/cloudflare';
import { redirect } from '@remix-run/cloudflare';
import { notFound, requireUuid } from '~/http/not-found.server';
import { requireUserClaim } from '~/auth/current-user.server';
import { requestStop } from '~/statements/store.server';
import { withNotice } from '~/components/notice';

export async function loader() {
  return redirect('/statements');
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const statementId = requireUuid(params.id);
  const versionId = requireUuid(params.versionId);
  const user = await requireUserClaim(request, context);
  if (!(await requestStop(context, user, { statementId, versionId }))) throw notFound();
  if ((request.headers.get('Accept') ?? '').includes('application/json')) {
    return new Response(null, { status: 204 });
  }
  return redirect(
    withNotice(`/statements/${statementId}/versions/${versionId}`, 'version-stopping'),
    303,
  );
}
