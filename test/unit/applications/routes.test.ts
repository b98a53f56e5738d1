import { resolve } from 'node:path';
// Remix's own flat-routes resolver, so the test sees the route tree exactly as the build does.
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js';
import { describe, expect, it } from 'vitest';

type Route = { id: string; parentId?: string; path?: string; index?: boolean };
const routes = Object.values(flatRoutes(resolve('app'))) as Route[];

describe('application routes', () => {
  // The application page renders no <Outlet/>, so a page nested inside it would show the
  // application page instead of itself (this happened once: /edit showed the details).
  it.each(['applications/:id/edit', 'applications/:id/delete'])(
    '%s is its own page, not nested in the application page',
    (path) => {
      const [route] = routes.filter((r) => r.path === path);
      expect(route, path).toBeDefined();
      expect(route!.parentId).toBe('root');
    },
  );

  it('the application page and the list answer their own URLs', () => {
    expect(routes.find((r) => r.path === 'applications/:id')?.parentId).toBe('root');
    expect(routes.find((r) => r.path === 'applications' && r.index)?.parentId).toBe('root');
    expect(routes.find((r) => r.path === 'applications/new')?.parentId).toBe('root');
  });
});
