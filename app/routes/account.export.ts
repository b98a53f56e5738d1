import type { LoaderFunctionArgs } from '@remix-run/cloudflare';
import { requireUserClaim } from '~/auth/current-user.server';
import { downloadResponse, isExportKind } from '~/portability/download.server';
import { exportFor } from '~/portability/export.server';

// A download, not a page: /account/export?as=json or ?as=csv. A GET, since it changes nothing.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUserClaim(request, context);
  const kind = new URL(request.url).searchParams.get('as');
  if (!isExportKind(kind)) throw new Response('Choose JSON or CSV.', { status: 404 });
  return downloadResponse(kind, await exportFor(context, user));
}
