import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_GROUPS } from '../../../vite.config';
import { staticImports } from '../../support/static-imports';

// Conform (about 9 KiB gzipped) and zod (12) belong only to pages that draw a form with fields
// (docs/decisions/029, 030, 039), and guest mode's forms load zod when sent. One import of the form
// kit's index, or of a module that also parses form data, put Conform back on the guest
// dashboard, list, board and an application's page (115 KiB on 2 Dec 2026, against issue 8's
// 105). Pages are found from app/routes, so a new page is held to this without being listed.

/** Routes that draw a form with fields: Conform is theirs to load. */
const FIELD_PAGES = new Set([
  'account._index',
  'account.calendar',
  'account.delete',
  'account.import',
  'account.import-csv',
  'applications.$id_.edit',
  'applications.$id_.events.$eventId',
  'applications.$id_.events.new',
  'applications.$id_.follow-up',
  'applications.$id_.history.$changeId',
  'applications.new',
  'auth.confirm',
  'forgot-password',
  'guest.application_.edit',
  'guest.application_.event',
  'guest.application_.events.new',
  'guest.application_.follow-up',
  'guest.application_.history',
  'guest.applications.new',
  'guest.data',
  'guest.log',
  'job-search-log',
  'magic-link',
  'reset-password',
  'signin',
  'signup',
  'statements.$id',
  'statements.$id_.versions.$versionId',
  'statements.new',
]);

/** What a page without fields may load: React and Remix (a loader's imports count too). */
const WITHOUT_FIELDS = ['react', 'react-dom', '@remix-run/react', '@remix-run/cloudflare'];

const chunkGroups = CHUNK_GROUPS.map(([, modules]) => modules);
const loads = (file: string) => staticImports(file, { chunkGroups });

/** Each route module that draws a page (a default export), by its route name. */
const pages = readdirSync('app/routes')
  .filter((file) => /export default/.test(readFileSync(`app/routes/${file}`, 'utf8')))
  .map((file) => ({ route: file.replace(/\.tsx?$/, ''), file: `app/routes/${file}` }));

describe('what a page loads before it is used', () => {
  it.each([
    { route: 'root', file: 'app/root.tsx' },
    ...pages.filter(({ route }) => !FIELD_PAGES.has(route)),
  ])('$route, without fields, loads React and Remix alone', ({ file }) => {
    expect([...loads(file).packages].filter((name) => !WITHOUT_FIELDS.includes(name))).toEqual([]);
  });

  it.each(pages.filter(({ route }) => route.startsWith('guest.') && FIELD_PAGES.has(route)))(
    '$route loads Conform, and zod only when its form is sent',
    ({ file }) => {
      const { packages } = loads(file);
      expect(packages.has('@conform-to/react')).toBe(true);
      expect(packages.has('zod')).toBe(false);
    },
  );

  it('names only routes that exist as pages with fields', () => {
    const routes = new Set(pages.map(({ route }) => route));
    expect([...FIELD_PAGES].filter((route) => !routes.has(route))).toEqual([]);
  });

  it('follows value imports alone, and a chunk group as the build bundles it', () => {
    // form-handling.ts imports FormReply as a type, and handling.ts each form's handling with
    // import(): neither brings zod.
    const { files, packages } = loads('app/guest/form-handling.ts');
    expect(files.has('app/guest/handling.ts')).toBe(true);
    expect(files.has('app/guest/actions.ts')).toBe(false);
    expect(packages.has('zod')).toBe(false);
    // messages.tsx imports none of the form kit's other small parts, but shares their file.
    expect(loads('app/components/forms/messages.tsx').files).toContain(
      'app/components/forms/date-parts.ts',
    );
  });
});
