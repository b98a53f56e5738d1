import { describe, expect, it } from 'vitest';
import { combinePlans, moveBatches } from '~/guest/move-batches';
import { newApplication } from '~/guest/records';
import { emptyDocument } from '~/guest/storage';
import { parseExport } from '~/portability/format';
import type { ImportPlan } from '~/portability/import.server';

const bytes = (text: string) => new TextEncoder().encode(text).length;

function documentOf(companies: string[], notes = '') {
  return {
    ...emptyDocument(),
    applications: companies.map((company) =>
      newApplication({ company, role: 'Caseworker', status: 'saved', mayCloseEarly: false, notes }),
    ),
  };
}

describe('a guest’s data as the move sends it', () => {
  it('is one text, the whole export, when it fits one import', () => {
    const document = documentOf(['HMRC', 'DWP']);
    const texts = moveBatches(document, 5_000, '2026-11-29T10:00:00.000Z');
    expect(texts).toEqual([
      JSON.stringify({ ...document, exportedAt: '2026-11-29T10:00:00.000Z' }),
    ]);
  });

  it('is in parts under the limit when larger, each an export of whole applications, in order', () => {
    // Notes in Welsh: multi-byte characters, so the limit is counted in bytes, not characters.
    const companies = Array.from({ length: 12 }, (_, i) => `Cyngor Sir ${i}`);
    const document = documentOf(companies, 'Cyfweliad â’r panel; ŵyr, ŷd. '.repeat(40));
    const limit = 6_000;
    expect(bytes(JSON.stringify(document))).toBeGreaterThan(2 * limit);
    const texts = moveBatches(document, limit);
    expect(texts.length).toBeGreaterThan(2);
    const sent = texts.map((text) => {
      expect(bytes(text)).toBeLessThanOrEqual(limit);
      expect(parseExport(text)).toMatchObject({ ok: true });
      return (JSON.parse(text) as typeof document).applications;
    });
    expect(sent.flat().map((a) => a.company)).toEqual(companies);
    expect(sent.flat()).toEqual(document.applications);
  });

  it('gives an application too large for any part a part of its own, for the import to judge', () => {
    const document = documentOf(['Small', 'Large', 'Small too']);
    document.applications[1]!.notes = 'x'.repeat(3_000);
    const texts = moveBatches(document, 2_000);
    expect(texts.map((t) => JSON.parse(t).applications.map((a: any) => a.company))).toEqual([
      ['Small'],
      ['Large'],
      ['Small too'],
    ]);
  });
});

describe('the previews of a move in parts, as one', () => {
  const plan = (add: number, skip: number, sample: string[]): ImportPlan => ({
    applications: { add, skip, accountHolds: 40 },
    statements: { add: 0, skip: 0 },
    versions: 0,
    events: { add: add * 2, skip, full: 1 },
    lookalikes: 0,
    sample: sample.map((company) => ({ company, role: 'Caseworker' })),
  });

  it('adds up what each part adds and skips, and names the first few applications to add', () => {
    const many = Array.from({ length: 15 }, (_, i) => `Council ${i}`);
    const combined = combinePlans([plan(15, 1, many), plan(10, 0, many.slice(0, 10))]);
    expect(combined).toMatchObject({
      applications: { add: 25, skip: 1, accountHolds: 40 },
      events: { add: 50, skip: 1, full: 2 },
    });
    expect(combined.sample).toHaveLength(20);
  });

  it('counts the account once, at its largest (a part added between two checks)', () => {
    const later = { ...plan(1, 0, []), applications: { add: 1, skip: 0, accountHolds: 41 } };
    expect(combinePlans([plan(1, 0, []), later]).applications.accountHolds).toBe(41);
  });
});
