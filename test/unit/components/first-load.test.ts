import { describe, expect, it } from 'vitest';
import { staticImports } from '../../support/static-imports';

// Conform (about 9 KiB gzipped) and zod (12) belong only to pages that draw a form with fields
// (docs/decisions/029, 030, 039). A page whose only forms are buttons, or that has none, must not
// reach them through a module it shares with form pages: one import of the form kit's index, or of
// a module that also parses form data, put them back on the guest dashboard, list, board and an
// application's page (115 KiB on 2 Dec 2026, against issue 8's 105).

const FORM_LIBRARIES = ['@conform-to/react', '@conform-to/dom', '@conform-to/zod', 'zod'];

const PAGES_WITHOUT_FIELDS = [
  'root.tsx',
  'routes/_index.tsx',
  'routes/applications._index.tsx',
  'routes/applications.board.tsx',
  'routes/applications.$id.tsx',
  'routes/applications.$id_.delete.tsx',
  'routes/stats.tsx',
  'routes/statements._index.tsx',
  'routes/privacy.tsx',
  'routes/guest.tsx',
  'routes/guest._index.tsx',
  'routes/guest.applications._index.tsx',
  'routes/guest.board.tsx',
  'routes/guest.application.tsx',
  'routes/guest.application_.delete.tsx',
  'routes/guest.stats.tsx',
  'routes/guest.move.tsx',
];

describe('what a page loads before it is used', () => {
  it.each(PAGES_WITHOUT_FIELDS)('%s loads neither Conform nor zod', (page) => {
    const { packages } = staticImports(`app/${page}`);
    expect(FORM_LIBRARIES.filter((name) => packages.has(name))).toEqual([]);
  });

  it('a form page does load Conform (the check above can fail)', () => {
    const { packages } = staticImports('app/routes/guest.applications.new.tsx');
    expect(packages.has('@conform-to/react')).toBe(true);
  });

  it('leaves out imports of types alone and imports made on use', () => {
    // form-handling.ts imports FormReply as a type, and handling.ts imports each form's handling
    // with import(): neither brings zod.
    const { files, packages } = staticImports('app/guest/form-handling.ts');
    expect(files.has('app/guest/handling.ts')).toBe(true);
    expect(files.has('app/guest/actions.ts')).toBe(false);
    expect(packages.has('zod')).toBe(false);
  });
});
