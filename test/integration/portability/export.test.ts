import { describe, expect, it } from 'vitest';
import { loader } from '~/routes/account.export';
import { ExportSchema } from '~/portability/format';
import { get, runLoader } from '../../support/http';
import { setupPortabilityTest } from './fixtures';

const t = setupPortabilityTest();

describe('downloading your data', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const outcome = await runLoader(loader, get('/account/export?as=json'), { context: t.context });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=/);
  });

  it('answers 404 for a kind of file it does not make', async () => {
    const me = await t.person();
    const outcome = await runLoader(loader, get('/account/export?as=xml', me), {
      context: t.context,
    });
    expect(outcome.status).toBe(404);
  });

  it('gives JSON in the export format with every field entered, the history and the statements', async () => {
    const me = await t.person();
    const ids = await t.fill(me);
    const outcome = await t.exportJson(me);

    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="jobtrack-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(outcome.headers.get('Cache-Control')).toBe('no-store');
    const doc = ExportSchema.parse(outcome.data);
    expect(doc).toMatchObject({ format: 'jobtrack', version: 1 });
    expect(doc.applications).toHaveLength(2);
    const first = doc.applications.find((a) => a.id === ids.first)!;
    expect(first).toMatchObject({
      company: 'Leeds City Council',
      role: 'Policy Officer',
      status: 'interviewing',
      dateApplied: '2026-01-10',
      closingDate: '2026-02-01',
      closingTime: '23:55',
      mayCloseEarly: true,
      advertUrl: 'https://example.org/jobs/123',
      reference: '383021',
      grade: 'HEO',
      location: 'Leeds',
      source: 'Civil Service Jobs',
      salaryMin: 32000,
      salaryMax: 36000,
      salaryNote: 'pro rata',
      notes: 'Spoke to Sam.\nFollow up next week.',
    });
    expect(first.statusHistory.map((h) => [h.from, h.to, h.on])).toEqual([
      [null, 'applied', '2026-01-10'],
      ['applied', 'interviewing', null],
    ]);
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatchObject({
      id: ids.statement,
      kind: 'supporting',
      personSpec: 'Essential: drafting',
      criteria: [{ text: 'Drafting', category: 'essential', evidence: 'I drafted the policy.' }],
      wordLimit: 750,
      tone: 'warm',
    });
    expect(first.statements[0]!.versions.map((v) => [v.number, v.name, v.text])).toEqual([
      [1, null, 'Draft 1: I drafted the policy.'],
      [2, 'Shorter', 'Draft 2: I drafted the policy.'],
    ]);
    expect(doc.statements).toEqual([
      expect.objectContaining({
        kind: 'cover_letter',
        whyRole: 'Because.',
        experience: 'Ten years of spreadsheets.',
        criteria: [],
      }),
    ]);
  });

  it('holds nothing of anyone else, and no account id, email or session', async () => {
    const me = await t.person();
    const other = await t.person();
    await t.fill(me);
    await t.seed(other, { company: 'Someone Else plc', notes: 'their secret' });
    const text = JSON.stringify((await t.exportJson(me)).data);
    for (const foreign of ['Someone Else plc', 'their secret', other.id, other.email]) {
      expect(text).not.toContain(foreign);
    }
    for (const mine of [me.id, me.email, me.cookie.split('=')[1]!])
      expect(text).not.toContain(mine);
  });

  it('gives CSV that opens cleanly in a spreadsheet: BOM, ISO dates, formulas made inert', async () => {
    const me = await t.person();
    await t.fill(me);
    const outcome = await t.exportCsv(me);
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(outcome.headers.get('Content-Disposition')).toMatch(/filename="jobtrack-applications-/);
    const csv = outcome.data as string;
    expect(csv.startsWith('\uFEFFCompany,Role,Status,Date applied,Closing date,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toMatch(
      /^Leeds City Council,Policy Officer,Interviewing,2026-01-10,2026-02-01,23:55,Yes,383021,HEO,Leeds,32000,36000,pro rata,Civil Service Jobs,https:\/\/example.org\/jobs\/123,"Spoke to Sam.\nFollow up next week.",\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d$/,
    );
    // A cell starting with = is text, multi-line or not; the role and the notes of the second.
    expect(csv).toContain(`NHS Leeds,"'=HYPERLINK(""x"")",Saved,`);
    expect(csv).toContain(`"'=1+1\nsecond line"`);
    expect(csv).not.toMatch(/(^|,)"?=/m);
  });
});
