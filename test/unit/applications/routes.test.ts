import { resolve } from 'node:path';
// Remix's own flat-routes resolver, so the test sees the route tree exactly as the build does.
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js';
import { describe, expect, it } from 'vitest';

type Route = { id: string; parentId?: string; path?: string; index?: boolean };
const routes = Object.values(flatRoutes(resolve('app'))) as Route[];

// The account's pages sit under the root; guest mode's same pages under its frame (routes/guest).
const trees = [
  ['root', 'root'],
  ['guest', 'routes/guest'],
] as const;

const find = (parentId: string, path: string, index = false) =>
  routes.find((r) => r.parentId === parentId && r.path === path && Boolean(r.index) === index);

describe('application routes', () => {
  // The application page renders no <Outlet/>, so a page nested inside it would show the
  // application page instead of itself (this happened once: /edit showed the details).
  it.each(
    trees.flatMap(([name, parent]) =>
      ['applications/:id/edit', 'applications/:id/delete'].map((path) => [name, path, parent]),
    ),
  )('%s: %s is its own page, not nested in the application page', (_, path, parent) => {
    expect(find(parent, path), path).toBeDefined();
  });

  it.each(trees)('%s: the application page and the list answer their own URLs', (_, parent) => {
    expect(find(parent, 'applications/:id')).toBeDefined();
    expect(find(parent, 'applications', true)).toBeDefined();
    expect(find(parent, 'applications/new')).toBeDefined();
  });

  it('guest mode is one frame under the root, at /guest', () => {
    expect(routes.find((r) => r.id === 'routes/guest')).toMatchObject({
      parentId: 'root',
      path: 'guest',
    });
  });
});
