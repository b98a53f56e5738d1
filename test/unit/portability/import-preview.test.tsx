import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importAdds, importFits, ImportPlanSummary } from '~/portability/import-preview';
import type { ImportPlan } from '~/portability/import.server';

// A file bringing five new dates for an application that has room for three (the plan as
// previewImport counts it: test/integration/portability/import.test.ts).
const nearTheCap: ImportPlan = {
  applications: { add: 0, skip: 1, accountHolds: 12 },
  statements: { add: 0, skip: 0 },
  versions: 0,
  events: { add: 3, skip: 1, full: 2 },
  sample: [],
  lookalikes: 0,
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

describe('the import preview’s warning of look-alikes', () => {
  const adding = (add: number, lookalikes: number): ImportPlan => ({
    ...nearTheCap,
    applications: { add, skip: 0, accountHolds: 12 },
    lookalikes,
  });

  it('says how many of the applications to add match ones already held, and what to do', () => {
    expect(text(adding(3, 2))).toContain(
      '2 of the 3 applications to add have the company and role of one already in your account.',
    );
    expect(text(adding(2, 2))).toContain('All 2 applications to add have the company and role');
    expect(text(adding(1, 1))).toContain(
      'so it would be added as a separate application: if it is the same job, do not import.',
    );
  });

  it('says nothing when none match', () => {
    expect(text(adding(3, 0))).not.toContain('company and role');
  });
});

describe('the import preview near the limit of applications', () => {
  const plan = (accountHolds: number, add: number): ImportPlan => ({
    ...nearTheCap,
    applications: { add, skip: 0, accountHolds },
  });

  it('fits up to exactly 10,000 applications in the account', () => {
    expect(importFits(plan(9_990, 10))).toBe(true);
    expect(text(plan(9_990, 10))).not.toContain('the most it can hold');
  });

  it('says, before anything is sent, that more would not fit, and what to do', () => {
    expect(importFits(plan(9_990, 11))).toBe(false);
    expect(text(plan(9_990, 11))).toContain(
      'Your account holds 9,990 applications and this would add 11: more than the 10,000 it ' +
        'can hold, so it cannot be imported. Delete applications you no longer need, or import fewer.',
    );
  });
});
