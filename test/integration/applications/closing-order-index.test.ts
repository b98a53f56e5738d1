import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { asUser } from '~/db.server';
import { closingOrderIds } from '~/applications/queries.server';
import { londonNow } from '~/applications/dates';
import { PAGE_SIZE } from '~/applications/list-query';
import type { Status } from '~/applications/statuses';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

type Plan = {
  'Node Type': string;
  'Actual Rows': number;
  'Rows Removed by Filter'?: number;
  Plans?: Plan[];
};
const nodes = (plan: Plan): Plan[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

// The closing-date order's boundary (open or closed) moves with the clock, so no one index holds
// it. A page is read as three runs, each in an index's order: however large the account, a page
// reads about a page of entries from each, and nothing sorts the account.
describe('a page of the closing-date order', () => {
  const ACCOUNT = 600;

  async function accountOfSix() {
    const me = randomUUID();
    await t.db.admin`insert into auth.users (id, email) values (${me}, ${`${me}@example.com`})`;
    // A third open, a third closed, a third with no closing date; Saved and Applied in turn.
    await t.db
      .admin`insert into jobtrack.applications (user_id, company, role, status, closing_date)
      select ${me}, 'NHS Trust ' || n, 'Staff Nurse (Band 5)',
        (case when n % 2 = 0 then 'saved' else 'applied' end)::jobtrack.application_status,
        case n % 3 when 0 then current_date + 1 + n when 1 then current_date - 1 - n end
      from generate_series(1, ${ACCOUNT}) as n`;
    await t.db.admin`vacuum analyze jobtrack.applications`;
    return me;
  }

  async function plan(me: string, status: Status | null, offset: number) {
    const [[explained]] = await asUser(t.context, me, (tx) => [
      tx.execute<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>(
        sql`explain (analyze, format json) ${closingOrderIds(me, status, londonNow(), offset)}`,
      ),
    ]);
    return nodes(explained!['QUERY PLAN'][0]!.Plan);
  }

  /** The plan's reads of the table or its indexes (not of a subquery's rows). */
  const readsTable = (n: Plan) => /^(Seq|Index|Index Only|Bitmap Heap) Scan$/.test(n['Node Type']);
  const read = (scans: Plan[]) =>
    scans.reduce((n, s) => n + s['Actual Rows'] + (s['Rows Removed by Filter'] ?? 0), 0);

  it('reads about a page from each run, with or without a status filter, never the account', async () => {
    const me = await accountOfSix();

    for (const status of [null, 'saved'] as const) {
      const steps = await plan(me, status, 0);
      const scans = steps.filter(readsTable);
      expect(
        scans.map((s) => s['Node Type']),
        String(status),
      ).not.toContain('Seq Scan');
      // Three runs of a page each (twice that to find a page of one status), not 600 rows.
      expect(read(scans), String(status)).toBeLessThanOrEqual(3 * 2 * (PAGE_SIZE + 1));
    }
  });

  it('reads to the end of the page asked for on a deeper page, and no further', async () => {
    const me = await accountOfSix();
    const scans = (await plan(me, null, 2 * PAGE_SIZE)).filter(readsTable);
    expect(read(scans)).toBeLessThanOrEqual(3 * (3 * PAGE_SIZE + 1));
  });
});
