import { resolve } from 'node:path';
// Remix's own flat-routes resolver, so the test sees the route tree exactly as the build does.
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js';
import { describe, expect, it } from 'vitest';

type Route = { id: string; parentId?: string; path?: string; index?: boolean };
const routes = Object.values(flatRoutes(resolve('app'))) as Route[];

const ACCOUNT = 'root';
const GUEST = 'routes/guest';

const find = (parentId: string, path: string, index = false) =>
  routes.find((r) => r.parentId === parentId && r.path === path && Boolean(r.index) === index);

describe('application routes', () => {
  // The application page renders no <Outlet/>, so a page nested inside it would show the
  // application page instead of itself (this happened once: /edit showed the details).
  it.each(['applications/:id/edit', 'applications/:id/delete'])(
    'account: %s is its own page, not nested in the application page',
    (path) => {
      expect(find(ACCOUNT, path), path).toBeDefined();
    },
  );

  it('account: the application page and the list answer their own URLs', () => {
    expect(find(ACCOUNT, 'applications/:id')).toBeDefined();
    expect(find(ACCOUNT, 'applications', true)).toBeDefined();
    expect(find(ACCOUNT, 'applications/new')).toBeDefined();
  });

  // A guest's ids stay in the fragment, so no guest path has a dynamic segment: a reload or
  // Remix's route discovery (/__manifest?p=<path>) would otherwise send an id (decision 025).
  it('guest: the application, its edit form and its delete step are static pages of their own', () => {
    for (const path of ['application', 'application/edit', 'application/delete']) {
      expect(find(GUEST, path), path).toBeDefined();
    }
    expect(find(GUEST, 'applications', true)).toBeDefined();
    expect(find(GUEST, 'applications/new')).toBeDefined();
  });

  it('guest: no page has a dynamic segment or a splat', () => {
    const guestRoutes = routes.filter((r) => r.id.startsWith('routes/guest'));
    expect(guestRoutes.length).toBeGreaterThan(5);
    expect(guestRoutes.filter((r) => /[:*]/.test(r.path ?? ''))).toEqual([]);
  });

  it('guest mode is one frame under the root, at /guest', () => {
    expect(routes.find((r) => r.id === 'routes/guest')).toMatchObject({
      parentId: 'root',
      path: 'guest',
    });
  });
});
