import { describe, expect, it } from 'vitest';
import { addDays, formatDate, todayInLondon } from '~/applications/dates';
import { applicationsCsv } from '~/portability/csv';
import type { ExportDocument } from '~/portability/format';
import { mappingProblems } from '~/portability/csv-import/columns';
import { guessColumns } from '~/portability/csv-import/guess-columns';
import { dateOrderOf, mapFile } from '~/portability/csv-import/import.server';
import { decodeCsv, readCsv, type Table } from '~/portability/csv-import/read';
import { MAX_ROWS } from '~/portability/csv-import/schema';
import { HUNTR_LIKE, SPREADSHEET, TEAL_LIKE } from '../../fixtures/csv-imports';

const NOW = new Date('2026-11-28T12:00:00Z');

function tableOf(text: string): Table {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.message);
  return read.table;
}

async function mapped(text: string, now = NOW) {
  const table = tableOf(text);
  const choices = guessColumns(table.headers);
  return mapFile(table, choices, dateOrderOf(table, choices).order, now);
}

describe('guessing what each column is', () => {
  it('reads a UK spreadsheet’s own headings', () => {
    expect(guessColumns(tableOf(SPREADSHEET).headers)).toEqual([
      'company',
      'role',
      'status',
      'dateApplied',
      'closingDate',
      'grade',
      'salary',
      'reference',
      'source',
      'notes',
    ]);
  });

  it('reads a Huntr-like export', () => {
    expect(guessColumns(tableOf(HUNTR_LIKE).headers)).toEqual([
      'role',
      'company',
      'status',
      'location',
      'advertUrl',
      'salary',
      'dateApplied',
      'closingDate',
      'notes',
    ]);
  });

  it('reads a Teal-like export and leaves out a column it does not know', () => {
    expect(guessColumns(tableOf(TEAL_LIKE).headers)).toEqual([
      'role',
      'company',
      'status',
      'dateApplied',
      'closingDate',
      'location',
      'salaryMin',
      'salaryMax',
      'advertUrl',
      'notes',
      'ignore',
    ]);
  });

  it('reads JobTrack’s own CSV export back into the same fields', () => {
    const headers = applicationsCsv({ applications: [] } as unknown as ExportDocument)
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect(guessColumns(headers)).toEqual([
      'company',
      'role',
      'status',
      'dateApplied',
      'statusDate',
      'closingDate',
      'closingTime',
      'mayCloseEarly',
      'reference',
      'grade',
      'location',
      'salaryMin',
      'salaryMax',
      'salaryNote',
      'source',
      'advertUrl',
      'notes',
      'ignore',
      'ignore',
      'jobtrackId',
    ]);
  });

  it('gives a field to its first column only, and matches headings in any case or spelling', () => {
    expect(guessColumns(['EMPLOYER', 'job_title', 'Title', 'Closing Date:', 'jobURL'])).toEqual([
      'company',
      'role',
      'ignore',
      'closingDate',
      'advertUrl',
    ]);
  });

  it('asks for a company and a role, and for one column per field', () => {
    const headers = ['A', 'B', 'C'];
    expect(mappingProblems(['ignore', 'status', 'status'], headers)).toEqual([
      'Choose the column that holds the company',
      'Choose the column that holds the role (job title)',
      'Status is chosen for 2 columns (B, C): choose one',
    ]);
    expect(mappingProblems(['company', 'role', 'notes'], headers)).toEqual([]);
  });
});

describe('reading a CSV file', () => {
  it('refuses a quote left open, naming the row', () => {
    const read = readCsv('Company,Role\n"Acme,Analyst\nNHS,Nurse\n');
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/quote mark is not closed/) });
  });

  it(`takes ${MAX_ROWS} rows and refuses one more`, () => {
    const rows = (n: number) =>
      ['Company,Role', ...Array.from({ length: n }, (_, i) => `Employer ${i},Role ${i}`)].join(
        '\n',
      );
    const ok = readCsv(rows(MAX_ROWS));
    expect(ok.ok && ok.table.rows.length).toBe(MAX_ROWS);
    expect(readCsv(rows(MAX_ROWS + 1))).toEqual({
      ok: false,
      message: expect.stringContaining('more than 5,000 rows'),
    });
  });

  it('refuses a file over 5,000 rows even when blank rows lie between them', () => {
    // A blank line and an Excel ",," row after every second row: 6,000 rows in 9,000 lines.
    const lines = ['Company,Role'];
    for (let i = 0; i < 6000; i++) {
      lines.push(`Employer ${i},Role ${i}`);
      if (i % 2 === 1) lines.push(i % 4 === 1 ? '' : ',,');
    }
    expect(readCsv(lines.join('\n'))).toEqual({
      ok: false,
      message: expect.stringContaining('more than 5,000 rows'),
    });
    lines.length = 1 + 5000 + 2500;
    const ok = readCsv(lines.join('\n'));
    expect(ok.ok && ok.table.rows.length).toBe(5000);
  });

  it('numbers rows as a spreadsheet does, blank rows and cells over two lines counted as one row', () => {
    const read = readCsv('Company,Role\nAcme,Analyst\n\n,,\n"NHS\nLeeds",Nurse\nBoots,Buyer\n');
    expect(read.ok && read.table.rowNumbers).toEqual([2, 5, 6]);
  });

  it('refuses a file with far more cells than 5,000 rows could hold, and a row far too wide', () => {
    const commas = `a,b\n${','.repeat(700_000)}`;
    expect(readCsv(commas)).toEqual({
      ok: false,
      message: expect.stringContaining('far more cells'),
    });
    const lines = `Company,Role\n${'x\n'.repeat(700_000)}`;
    expect(readCsv(lines)).toMatchObject({
      ok: false,
      message: expect.stringContaining('far more cells'),
    });
    const wide = `Company,Role\nAcme,Analyst\n${Array(121).fill('x').join(',')}\n`;
    expect(readCsv(wide)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Row 3 of this file has 121 cells; JobTrack reads up to 60 columns/,
      ),
    });
    expect(readCsv(`Company,Role\n${Array(120).fill('x').join(',')}\n`).ok).toBe(true);
  });

  it('refuses an empty file, a header alone and a file of one column', () => {
    expect(readCsv('\n\n').ok).toBe(false);
    expect(readCsv('Company,Role\n').ok).toBe(false);
    expect(readCsv('just some text\nmore text').ok).toBe(false);
  });

  it('reads Excel’s Windows-1252 “£” and a UTF-8 file with a byte order mark', () => {
    const cp1252 = new Uint8Array([...new TextEncoder().encode('Salary\n'), 0xa3, 0x33, 0x30]);
    expect(decodeCsv(cp1252)).toBe('Salary\n£30');
    // Windows-1252's own characters in 0x80–0x9F (€, curly quotes, dashes), not Latin-1's controls.
    expect(decodeCsv(new Uint8Array([0x80, 0x93, 0x94, 0x96, 0x81, 0xe9]))).toBe('€“”–\u0081é');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('£30')]);
    expect(decodeCsv(bom)).toBe('£30');
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBeNull();
  });
});

describe('turning rows into applications', () => {
  it('adds the UK spreadsheet’s good rows and says what is wrong with the others', async () => {
    const result = await mapped(SPREADSHEET);
    expect(result.add.map((r) => r.row)).toEqual([2, 3, 6]);
    expect(result.add[0]!.application).toMatchObject({
      company: 'Leeds Teaching Hospitals NHS Trust',
      role: 'Staff Nurse',
      status: 'interviewing',
      dateApplied: '2026-10-27',
      closingDate: '2026-11-03',
      grade: 'Band 5',
      salaryMin: 29970,
      salaryMax: 36483,
      salaryNote: 'pro rata',
      reference: 'C9174-25-0412',
      source: 'NHS Jobs',
      notes: 'Interview 14/11 at St James’s, ward 12',
    });
    expect(result.add[0]!.application.statusHistory.map((h) => [h.from, h.to, h.on])).toEqual([
      [null, 'applied', '2026-10-27'],
      ['applied', 'interviewing', '2026-10-27'],
    ]);
    // Dated the day applied, not the import day, and recorded after Applied so the log lists it second.
    const [applied, moved] = result.add[0]!.application.statusHistory;
    expect(applied!.at < moved!.at).toBe(true);
    expect(result.add[1]!.application).toMatchObject({
      role: 'Executive Officer',
      status: 'applied',
      grade: 'EO',
      salaryMin: 28407,
      salaryMax: 28407,
    });
    expect(result.problems).toEqual([
      {
        row: 4,
        company: 'HM Courts & Tribunals Service',
        role: 'Administrative Officer',
        messages: ['Date applied: “31/02/2026” is not a real date'],
      },
      { row: 5, company: '', role: 'Healthcare Assistant', messages: ['It has no company'] },
    ]);
  });

  it('stores a cell that looks like a formula as typed, and an hourly rate as the salary note', async () => {
    const tesco = (await mapped(SPREADSHEET)).add[2]!.application;
    expect(tesco).toMatchObject({
      company: 'Tesco',
      notes: '=HYPERLINK("https://example.com")',
      salaryMin: null,
      salaryMax: null,
      salaryNote: '£12.45 an hour',
      status: 'applied',
      dateApplied: null,
    });
  });

  it('says how each status was read, and which were only the nearest', async () => {
    const { statuses } = await mapped(SPREADSHEET);
    expect(statuses).toEqual([
      { text: 'Interview booked', status: 'interviewing', known: true, rows: 1 },
      { text: 'Waiting to hear', status: 'applied', known: false, rows: 1 },
      { text: 'Applied', status: 'applied', known: true, rows: 1 },
    ]);
  });

  it('reads a Huntr-like file: ISO dates and timestamps, a link without https, £k ranges', async () => {
    const result = await mapped(HUNTR_LIKE);
    expect(result.problems).toEqual([]);
    expect(result.add.map((r) => r.application.status)).toEqual([
      'applied',
      'interviewing',
      'saved',
      'rejected',
    ]);
    expect(result.add[3]!.application).toMatchObject({
      dateApplied: '2026-09-20',
      advertUrl: 'https://greggs.co.uk/careers/123',
      salaryMin: 27000,
      salaryMax: 30000,
      notes: 'Rejected after the first round',
    });
  });

  it('reads a Teal-like file’s month-first dates in US order', async () => {
    const result = await mapped(TEAL_LIKE);
    expect(result.problems).toEqual([]);
    expect(result.add[0]!.application).toMatchObject({
      role: 'Higher Executive Officer',
      dateApplied: '2026-11-02',
      closingDate: '2026-11-14',
      salaryMin: 36000,
      salaryMax: 41000,
      location: 'Leeds, UK',
    });
    expect(result.add.map((r) => r.application.status)).toEqual([
      'applied',
      'offer',
      'saved',
      'withdrawn',
    ]);
  });

  it('refuses a date that fits both orders when the file writes dates both ways', async () => {
    const result = await mapped(
      [
        'Company,Role,Date applied',
        'A,One,27/10/2026',
        'B,Two,10/27/2026',
        'C,Three,03/04/2026',
      ].join('\n'),
    );
    expect(result.add.map((r) => r.row)).toEqual([2]);
    expect(result.problems.map((p) => [p.row, p.messages[0]])).toEqual([
      [3, expect.stringContaining('may be month first (US)')],
      [4, expect.stringContaining('could be 3 Apr 2026 or 4 Mar 2026')],
    ]);
  });

  it('dates an answer on the day the file says it reached its status, never before applying', async () => {
    const result = await mapped(
      [
        'Company,Role,Status,Date applied,Outcome date',
        'Leeds Teaching Hospitals NHS Trust,Staff Nurse,Rejected,27/10/2026,14/11/2026',
        'HM Revenue and Customs,Executive Officer,Offer,03/11/2026,',
        'Greggs plc,Team Member,Applied,05/11/2026,06/11/2026',
        'University of Sheffield,Research Administrator,Interview,20/10/2026,12/10/2026',
        'Monzo Bank,Support Agent,Withdrawn,,09/11/2026',
      ].join('\n'),
    );
    const days = (row: number) =>
      result.add.find((r) => r.row === row)!.application.statusHistory.map((h) => [h.to, h.on]);
    expect(days(2)).toEqual([
      ['applied', '2026-10-27'],
      ['rejected', '2026-11-14'],
    ]);
    // Without one, still the day applied; a saved or applied row has no use for it.
    expect(days(3)).toEqual([
      ['applied', '2026-11-03'],
      ['offer', '2026-11-03'],
    ]);
    expect(days(4)).toEqual([['applied', '2026-11-05']]);
    expect(days(6)).toEqual([['withdrawn', '2026-11-09']]);
    expect(result.problems).toEqual([
      {
        row: 5,
        company: 'University of Sheffield',
        role: 'Research Administrator',
        messages: [
          'Date it reached its status 12 Oct 2026 is before the date applied, 20 Oct 2026',
        ],
      },
    ]);
  });

  it('reads the status date only for a row it dates, so a saved or applied row ignores the cell', async () => {
    const far = addDays(todayInLondon(), 30);
    const result = await mapped(
      [
        'Company,Role,Status,Date applied,Response date',
        'Greggs plc,Team Member,Applied,05/11/2026,TBC',
        `Tesco,Customer Assistant,Saved,,${far}`,
        'Aldi,Store Assistant,Rejected,01/11/2026,N/A',
        'Lidl,Deputy Manager,Rejected,,01/01/1999',
      ].join('\n'),
    );
    expect(guessColumns(['Company', 'Role', 'Response date', 'Heard back?'])).toEqual([
      'company',
      'role',
      'statusDate',
      'ignore',
    ]);
    expect(result.add.map((r) => r.row)).toEqual([2, 3]);
    expect(result.problems.map((p) => [p.row, p.messages])).toEqual([
      [
        4,
        [
          'Date it reached its status: “N/A” is not a date JobTrack can read: write it like 27/11/2026',
        ],
      ],
      [5, [expect.stringMatching(/^Date it reached its status: a date like 2026-11-27 between/)]],
    ]);
  });

  it('keeps a row the same application whatever its status date, and reads JobTrack’s own back', async () => {
    const rows = (day: string) =>
      mapped(
        `Company,Role,Status,Date applied,Outcome date\nAldi,Store Assistant,Rejected,01/11/2026,${day}`,
      );
    const [first, second] = await Promise.all([rows('10/11/2026'), rows('12/11/2026')]);
    expect(first.add[0]!.application.id).toBe(second.add[0]!.application.id);

    const exported = applicationsCsv({
      applications: [
        {
          ...first.add[0]!.application,
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
        },
      ],
    } as unknown as ExportDocument);
    const back = await mapped(exported.replace(/^\uFEFF/, ''));
    expect(back.add[0]!.application.statusHistory.map((h) => [h.to, h.on])).toEqual([
      ['applied', '2026-11-01'],
      ['rejected', '2026-11-10'],
    ]);
  });

  it('refuses a date applied in the future and a link that is not a web address', async () => {
    const tomorrowButOne = addDays(todayInLondon(), 2);
    const result = await mapped(
      `Company,Role,Date applied,URL,Status,Response date\nA,One,${tomorrowButOne},,,\nB,Two,,not a link,,\nC,Three,,,Rejected,${tomorrowButOne}\n`,
    );
    expect(result.add).toEqual([]);
    expect(result.problems.map((p) => p.messages)).toEqual([
      [
        `Date applied ${formatDate(tomorrowButOne)} is in the future: it must be today or in the past`,
      ],
      ['Job advert link “not a link” is not a web address'],
      [
        `Date it reached its status ${formatDate(tomorrowButOne)} is in the future: it must be today or in the past`,
      ],
    ]);
  });

  it('gives a row the same id whatever else changes, and adds a repeated row once', async () => {
    const before = await mapped('Company,Role,Status,Notes\nNHS Leeds,Staff Nurse,Applied,first');
    const after = await mapped(
      'Notes,Status,Role,Company\nedited,Interview, staff  nurse ,NHS LEEDS\nagain,Offer,Staff Nurse,NHS Leeds',
      new Date('2026-12-01T09:00:00Z'),
    );
    expect(after.add).toHaveLength(1);
    expect(after.add[0]!.application.id).toBe(before.add[0]!.application.id);
    expect(after.repeats).toEqual([{ row: 3, of: 2 }]);
    const other = await mapped('Company,Role\nNHS Leeds,Staff Nurse (nights)');
    expect(other.add[0]!.application.id).not.toBe(before.add[0]!.application.id);
  });

  it('says a row with more cells than the header may have lost its quote marks', async () => {
    const result = await mapped('Company,Role,Salary\nNHS Leeds,Nurse,£29,970\n');
    expect(result.problems[0]!.messages[0]).toMatch(/has 4 cells but the header has 3/);
  });

  it('says which field is too long, and reads hostile cells without stalling', async () => {
    const long = 'x'.repeat(201);
    const spaces = ' '.repeat(200_000);
    const result = await mapped(
      [
        `"${'('.repeat(50_000)}",Role,Salary,Closing date,URL`,
        `${long},Nurse,"p${spaces}x","${'1/'.repeat(50_000)}","${'a'.repeat(100_000)}"`,
      ].join('\n'),
    );
    expect(result.add).toEqual([]);
    expect(result.problems[0]!.messages).toEqual([
      expect.stringMatching(/^Closing date: “1\/1\/1\/.{30,}…” is not a date$/),
      expect.stringMatching(/^Job advert link “a{39}…” is not a web address$/),
      // The heading of 50,000 brackets is no known name, so nothing is the company.
      'It has no company',
    ]);
    const named = await mapped(`Company,Role\n${long},Nurse`);
    expect(named.problems[0]!.messages).toEqual(['Company is longer than 200 characters']);
  });
});

describe('a JobTrack export’s own ID column', () => {
  const ID = '3F2B8C1E-5A4D-4E6F-9B7A-1C2D3E4F5A6B';
  const file = (...rows: string[]) => ['Company,Role,Date applied,JobTrack ID', ...rows].join('\n');

  it('imports a row under its JobTrack ID, so the application it came from is recognised', async () => {
    const result = await mapped(file(`NHS Leeds,Staff Nurse,03/11/2026,${ID}`));
    expect(result.add.map((r) => r.application.id)).toEqual([ID.toLowerCase()]);
    const edited = await mapped(file(`NHS Leeds,Staff Nurse (Band 5),03/11/2026,${ID}`));
    expect(edited.add.map((r) => r.application.id)).toEqual([ID.toLowerCase()]);
  });

  it('adds a row copied to start another application as a new one, and a true repeat once', async () => {
    const result = await mapped(
      file(
        `NHS Leeds,Staff Nurse,03/11/2026,${ID}`,
        `NHS Bradford,Ward Manager,04/11/2026,${ID}`,
        `NHS Leeds,Staff Nurse,03/11/2026,${ID}`,
      ),
    );
    expect(result.add.map((r) => r.application.company)).toEqual(['NHS Leeds', 'NHS Bradford']);
    expect(result.add[1]!.application.id).not.toBe(ID.toLowerCase());
    expect(result.repeats).toEqual([{ row: 4, of: 2 }]);
  });

  it('lists a row whose JobTrack ID was mangled as a problem, and adds a row with none as new', async () => {
    const result = await mapped(
      file('NHS Leeds,Staff Nurse,03/11/2026,3f2b8c1e-5a4d', 'HMRC,Executive Officer,03/11/2026,'),
    );
    expect(result.problems).toEqual([
      {
        row: 2,
        company: 'NHS Leeds',
        role: 'Staff Nurse',
        messages: [expect.stringMatching(/JobTrack ID “3f2b8c1e-5a4d” is not one JobTrack made/)],
      },
    ]);
    expect(result.add.map((r) => r.application.company)).toEqual(['HMRC']);
  });
});
