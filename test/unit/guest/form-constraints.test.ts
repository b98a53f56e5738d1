import { describe, expect, it } from 'vitest';
import constraints from '~/guest/form-constraints.json';
import { guestConstraints } from '../../../scripts/lib/guest-constraints';

describe('the guest forms’ constraints file', () => {
  it('matches what the schemas give today (run `npm run constraints` after changing one)', () => {
    expect(constraints).toEqual(guestConstraints());
  });

  it('marks the application form’s company and role as required, as its schema does', () => {
    expect(constraints.application.company.required).toBe(true);
    expect(constraints.application.role.required).toBe(true);
  });
});
