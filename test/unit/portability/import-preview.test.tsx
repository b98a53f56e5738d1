import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importAdds, ImportPlanSummary } from '~/portability/import-preview';
import type { ImportPlan } from '~/portability/import.server';

// A file bringing five new dates for an application that has room for three (the plan as
// previewImport counts it: test/integration/portability/import.test.ts).
const nearTheCap: ImportPlan = {
  applications: { add: 0, skip: 1 },
  statements: { add: 0, skip: 0 },
  versions: 0,
  events: { add: 3, skip: 1, full: 2 },
  sample: [],
};

const text = (plan: ImportPlan) =>
  renderToStaticMarkup(<ImportPlanSummary plan={plan} source="jobtrack.json" />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the import preview near the limit of dates', () => {
  it('promises only the dates that fit, and says how many are left out', () => {
    const shown = text(nearTheCap);
    expect(shown).toContain('3 interviews and other dates');
    expect(shown).toContain('Not added: 2 dates for applications already holding 200 dates');
  });

  it('offers nothing to add when none of the file’s new dates fit', () => {
    const full = { ...nearTheCap, events: { add: 0, skip: 1, full: 5 } };
    expect(importAdds(full)).toBe(false);
    expect(text(full)).toContain('there is nothing to add');
  });
});
