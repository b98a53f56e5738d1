// The root route's data for other routes' components. Apart from root.tsx (which reads its own
// directly) so that a route reading it does not split the root's code into a second file every
// page loads.
import { useRouteLoaderData } from '@remix-run/react';
import type { loader } from '~/root';

/** Who is signed in, and the root's other settings (undefined while an error page shows). */
export function useRootData() {
  return useRouteLoaderData<typeof loader>('root');
}
