import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The free-text salary of applications saved before the tracker's salary fields must arrive in
// salary_min, salary_max and salary_note without losing a word. The database is migrated to just
// before the change, given old rows, then migrated the rest of the way, as a deployment would be.

const BEFORE = '0006_tracker-fields';

const cases: Array<[string, number | null, number | null, string | null]> = [
  ['£32,000–£36,000', 32_000, 36_000, null],
  ['£32,000 - £36,000 per annum', 32_000, 36_000, null],
  ['£28,407 to £34,581 a year', 28_407, 34_581, null],
  ['32000-36000', 32_000, 36_000, null],
  ['£30k-£35k', 30_000, 35_000, null],
  ['£27,596', 27_596, 27_596, null],
  ['£24,000 pro rata', 24_000, 24_000, 'pro rata'],
  ['£29,970 - £36,483 pa pro-rata', 29_970, 36_483, 'pro rata'],
  ['£36,000-£32,000', 32_000, 36_000, null],
  ['£25k', 25_000, 25_000, null],
  ['£40k + pension', 40_000, 40_000, '£40k + pension'],
  ['Band 5: £29,970 - £36,483', 29_970, 36_483, 'Band 5: £29,970 - £36,483'],
  [
    'Up to £45,000 depending on experience',
    45_000,
    45_000,
    'Up to £45,000 depending on experience',
  ],
  ['£12.50 an hour', null, null, '£12.50 an hour'],
  ['£1', null, null, '£1'],
  ['Competitive', null, null, 'Competitive'],
  ['£30,000 keyworker allowance', 30_000, 30_000, '£30,000 keyworker allowance'],
  ['   ', null, null, null],
];

describe('the salary migration', () => {
  const name = `salary_${randomUUID().replace(/-/g, '')}`;
  let server: postgres.Sql;
  let admin: postgres.Sql;
  let folder: string;

  beforeAll(async () => {
    const serverUrl = inject('pgServerUrl');
    server = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await server.unsafe(`create database "${name}"`);
    admin = postgres(serverUrl.replace(/\/postgres$/, `/${name}`), { max: 1, onnotice: () => {} });
    folder = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync('migrations', folder, { recursive: true });
  });
  afterAll(async () => {
    await admin?.end();
    await server?.unsafe(`drop database if exists "${name}"`);
    await server?.end();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const migrateWith = (journal: { entries: Array<{ tag: string }> }) => {
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    return migrate(drizzle(admin), { migrationsFolder: folder, migrationsSchema: 'drizzle' });
  };

  it('keeps every salary as figures, a note, or both', async () => {
    const journal = JSON.parse(readFileSync('migrations/meta/_journal.json', 'utf8'));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === BEFORE);
    expect(upTo).toBeGreaterThan(0);
    await migrateWith({ ...journal, entries: journal.entries.slice(0, upTo + 1) });

    const [user] = await admin<{ id: string }[]>`
      insert into auth.users (email) values ('old@example.com') returning id`;
    for (const [i, [salary]] of cases.entries()) {
      await admin`insert into jobtrack.applications (user_id, company, role, salary)
        values (${user!.id}, ${`Company ${i}`}, 'Role', ${salary})`;
    }
    await admin`insert into jobtrack.applications (user_id, company, role) values
      (${user!.id}, 'No salary', 'Role')`;

    await migrateWith(journal);

    const rows = await admin<
      {
        company: string;
        salary_min: number | null;
        salary_max: number | null;
        salary_note: string | null;
      }[]
    >`select company, salary_min, salary_max, salary_note from jobtrack.applications`;
    const found = (company: string) => rows.find((r) => r.company === company);
    for (const [i, [salary, min, max, note]] of cases.entries()) {
      expect(found(`Company ${i}`), salary).toEqual({
        company: `Company ${i}`,
        salary_min: min,
        salary_max: max,
        salary_note: note,
      });
    }
    expect(found('No salary')).toMatchObject({
      salary_min: null,
      salary_max: null,
      salary_note: null,
    });
  });
});
