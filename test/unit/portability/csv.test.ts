import { describe, expect, it } from 'vitest';
import { applicationsCsv } from '~/portability/csv';
import type { ExportDocument, ExportedApplication } from '~/portability/format';

function csvOfNotes(notes: string) {
  const application = {
    id: '3f1c2a9e-6b7d-4e21-9a4b-0c5d8e7f6a10',
    company: 'Acme',
    role: 'Analyst',
    status: 'applied',
    notes,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    statusHistory: [],
  } as unknown as ExportedApplication;
  const document = { applications: [application] } as unknown as ExportDocument;
  return applicationsCsv(document).split('\r\n')[1]!;
}

describe('the applications CSV', () => {
  it.each([
    ['a leading space', ' =1+1'],
    ['a no-break space', '\u00a0=1+1'],
    ['a zero-width space', '\u200b@SUM(A1)'],
    ['a byte order mark', '\ufeff-2+3'],
    ['a line break', '\n=1+1'],
    ['a full-width equals sign', '＝1+1'],
    ['a full-width plus sign', '＋1'],
    ['a full-width at sign', '＠SUM(A1)'],
    ['a word joiner', '\u2060=HYPERLINK(A1)'],
    ['a zero-width non-joiner', '\u200c=1+1'],
    ['a soft hyphen', '\u00ad=1+1'],
    ['a next-line control', '\u0085=1+1'],
    ['a unit separator', '\u001f=1+1'],
    ['a tab', '\tSUM(A1)'],
  ])('makes a formula after %s inert with an apostrophe', (_what, notes) => {
    const row = csvOfNotes(notes);
    expect(row).toContain(`'${notes}`);
  });

  it('leaves a note that is not a formula as it is', () => {
    const row = csvOfNotes('Called = good');
    expect(row).toContain(',Called = good,');
  });
});
