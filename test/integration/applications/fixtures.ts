import type { AppLoadContext } from '@remix-run/cloudflare';
import { beforeAll, inject } from 'vitest';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { signedInUser, type TestUser } from '../../support/users';

type Db = ReturnType<typeof setupTestDatabase>;

/** A fresh database for this file, a context on it, and a way to make signed-in people. */
export function setupApplicationsTest() {
  const db = setupTestDatabase();
  const state = { db, context: undefined as unknown as AppLoadContext };
  beforeAll(async () => {
    state.context = makeContext(db.handle).context;
    // In the "queries without RLS" project (vitest.config.ts) the policies are off in this file's
    // database, so every isolation check here rests on the queries' own `where user_id`.
    if (inject('rowLevelSecurity') === 'off') {
      await db.admin`alter table jobtrack.applications disable row level security`;
      await db.admin`alter table jobtrack.status_changes disable row level security`;
    }
  });
  return {
    db,
    get context() {
      return state.context;
    },
    person: (email?: string): Promise<TestUser> => signedInUser(db, state.context, email),
    /** Gives `owner` these applications (see `seed`); returns their ids in the order given. */
    seed: (owner: { id: string }, ...rows: Row[]) => seed(db, owner.id, ...rows),
    /** Gives `owner` one application; returns its id. */
    insert: (owner: { id: string }, row?: Row) => insertApplication(db, owner.id, row),
    /** The application as stored, or undefined. */
    stored: (id: string) => storedApplication(db, id),
    /** Its status history as stored, oldest first. */
    history: (id: string) => storedHistory(db, id),
  };
}

export type Row = {
  company?: string;
  role?: string;
  status?: string;
  date_applied?: string | null;
  closing_date?: string | null;
  closing_time?: string | null;
  may_close_early?: boolean;
  advert_url?: string | null;
  location?: string | null;
  source?: string | null;
  reference?: string | null;
  grade?: string | null;
  salary_min?: number | null;
  salary_max?: number | null;
  salary_note?: string | null;
  notes?: string | null;
  updated_at?: string;
};

/** Inserts an application straight into the table (as the superuser), with one history entry. */
export async function insertApplication(db: Db, userId: string, row: Row = {}): Promise<string> {
  const values = { company: 'Acme Ltd', role: 'Analyst', status: 'saved', ...row, user_id: userId };
  const [inserted] = await db.admin<{ id: string; status: string }[]>`
    insert into jobtrack.applications ${db.admin(values)} returning id, status`;
  await db.admin`insert into jobtrack.status_changes (application_id, user_id, to_status)
    values (${inserted!.id}, ${userId}, ${inserted!.status})`;
  return inserted!.id;
}

/**
 * Arranges a test's applications in one line: each row (defaults filled in) inserted in order, as
 * `insertApplication` does. Returns their ids in the order given.
 */
export async function seed(db: Db, userId: string, ...rows: Row[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) ids.push(await insertApplication(db, userId, row));
  return ids;
}

/** The row as stored (dates as YYYY-MM-DD text, via jsonb), or undefined. */
export async function storedApplication(
  db: Db,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const [found] = await db.admin<{ row: Record<string, unknown> }[]>`
    select to_jsonb(a) as row from jobtrack.applications a where id = ${id}`;
  return found?.row;
}

/** The status history as stored, oldest first (an application's first entry has no "from"). */
export async function storedHistory(db: Db, id: string) {
  return db.admin<
    { from_status: string | null; to_status: string; user_id: string; occurred_on: string | null }[]
  >`
    select from_status, to_status, user_id, occurred_on::text from jobtrack.status_changes
    where application_id = ${id} order by changed_at, from_status is not null, id`;
}

/** A date input's three boxes as the form sends them ('' for a box left empty). */
export function dateFields(name: string, iso: string | null) {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  return { [`${name}.day`]: day, [`${name}.month`]: month, [`${name}.year`]: year };
}

/** Every field of the form, valid, as a person would type them. */
export function validForm(overrides: Record<string, string> = {}) {
  return {
    company: 'Leeds City Council',
    role: 'Policy Officer',
    status: 'applied',
    ...dateFields('dateApplied', '2026-01-10'),
    ...dateFields('closingDate', '2026-02-01'),
    closingTime: '23:55',
    mayCloseEarly: 'on',
    advertUrl: 'https://example.org/jobs/123',
    reference: '383021',
    grade: 'HEO',
    location: 'Leeds',
    source: 'Civil Service Jobs',
    salaryMin: '32,000',
    salaryMax: '£36,000',
    salaryNote: 'pro rata',
    notes: 'Spoke to Sam.\nFollow up next week.',
    ...overrides,
  };
}

/** What validForm() is stored as. */
export const VALID_STORED = {
  company: 'Leeds City Council',
  role: 'Policy Officer',
  status: 'applied',
  date_applied: '2026-01-10',
  closing_date: '2026-02-01',
  closing_time: '23:55:00',
  may_close_early: true,
  advert_url: 'https://example.org/jobs/123',
  reference: '383021',
  grade: 'HEO',
  location: 'Leeds',
  source: 'Civil Service Jobs',
  salary_min: 32_000,
  salary_max: 36_000,
  salary_note: 'pro rata',
  notes: 'Spoke to Sam.\nFollow up next week.',
};
