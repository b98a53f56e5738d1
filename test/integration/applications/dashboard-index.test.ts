import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { asUser, type Tx } from '~/db.server';
import {
  DASHBOARD_LIMIT,
  latestMissed,
  loadDashboard,
  soonestOpen,
} from '~/applications/dashboard.server';
import { londonNow } from '~/applications/dates';
import { ghostSuggestions } from '~/events/dashboard.server';
import { tableReads, type Plan } from '../../support/query-plan';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

/** Entries read from the applications table or its indexes by `query`, run as `me`. */
async function applicationsRead(me: string, query: (tx: Tx) => SQL | { getSQL(): SQL }) {
  const [[explained]] = await asUser(t.context, me, (tx) => [
    tx.execute<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>(
      sql`explain (analyze, format json) ${query(tx)}`,
    ),
  ]);
  return tableReads(explained!['QUERY PLAN'][0]!.Plan).reduce((sum, scan) => sum + scan.read, 0);
}

// An account long in the search: 600 applications at Applied, sent over two years and silent since.
async function longSearch() {
  const me = randomUUID();
  await t.db.admin`insert into auth.users (id, email) values (${me}, ${`${me}@example.com`})`;
  await t.db.admin`insert into jobtrack.applications (user_id, company, role, status, date_applied)
    select ${me}, 'NHS Trust ' || n, 'Staff Nurse (Band 5)', 'applied', current_date - 30 - n
    from generate_series(1, 600) as n`;
  await t.db.admin`vacuum analyze jobtrack.applications`;
  return me;
}

// 1,200 adverts closing a day apart, from 600 days ago to 600 days ahead, saved and applied in
// turn: the saved lists must find theirs near today without reading the rest.
async function manyAdverts() {
  const me = randomUUID();
  await t.db.admin`insert into auth.users (id, email) values (${me}, ${`${me}@example.com`})`;
  await t.db.admin`insert into jobtrack.applications (user_id, company, role, status, closing_date)
    select ${me}, 'Council ' || n, 'Executive Officer',
      (case when n % 2 = 0 then 'saved' else 'applied' end)::jobtrack.application_status,
      current_date + n - 600
    from generate_series(1, 1200) as n`;
  await t.db.admin`vacuum analyze jobtrack.applications`;
  return me;
}

describe('the dashboard on a large account', () => {
  it(`reads about ${2 * DASHBOARD_LIMIT} index entries for each saved-advert list, not every advert`, async () => {
    const me = await manyAdverts();
    const now = londonNow();
    for (const ids of [soonestOpen, latestMissed]) {
      const read = await applicationsRead(me, () => sql`select * from ${ids(me, now)} as ids`);
      expect(read).toBeLessThanOrEqual(3 * DASHBOARD_LIMIT);
    }
    const { toApply, missed } = await loadDashboard(t.context, me, now);
    expect(toApply).toHaveLength(DASHBOARD_LIMIT);
    expect(missed).toHaveLength(DASHBOARD_LIMIT);
    // Soonest first, and most recently closed first, both counted from today.
    expect(toApply[0]!.closingDate! >= now.date).toBe(true);
    expect(toApply.map((r) => r.closingDate)).toEqual(toApply.map((r) => r.closingDate).sort());
    expect(missed[0]!.closingDate! < now.date).toBe(true);
    expect(missed.map((r) => r.closingDate)).toEqual(
      missed
        .map((r) => r.closingDate)
        .sort()
        .reverse(),
    );
  });

  it(`reads about ${DASHBOARD_LIMIT} applications to suggest ${DASHBOARD_LIMIT} as ghosted, not every one at Applied`, async () => {
    const me = await longSearch();
    const read = await applicationsRead(me, (tx) =>
      ghostSuggestions(tx, me, londonNow(), DASHBOARD_LIMIT),
    );
    expect(read).toBeLessThanOrEqual(3 * DASHBOARD_LIMIT);
    const { ghostSuggestions: shown } = await loadDashboard(t.context, me, londonNow());
    // The longest waiting first.
    expect(shown.map((g) => g.company)).toEqual(
      Array.from({ length: DASHBOARD_LIMIT }, (_, i) => `NHS Trust ${600 - i}`),
    );
  });
});
