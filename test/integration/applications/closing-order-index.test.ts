import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { asUser } from '~/db.server';
import { closingOrderIds, listOrder } from '~/applications/queries.server';
import { addDays, londonNow, type LondonNow } from '~/applications/dates';
import { PAGE_SIZE } from '~/applications/list-query';
import type { Status } from '~/applications/statuses';
import { applications as a } from '../../../db/schema';
import { tableReads, type Plan } from '../../support/query-plan';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

async function person() {
  const me = randomUUID();
  await t.db.admin`insert into auth.users (id, email) values (${me}, ${`${me}@example.com`})`;
  return me;
}

/** The ids of one page of closingOrderIds, as the person. */
async function page(me: string, status: Status | null, now: LondonNow, offset: number) {
  const [rows] = await asUser(t.context, me, (tx) => [
    tx.execute<{ id: string }>(closingOrderIds(me, status, now, offset)),
  ]);
  return [...rows].map((r) => r.id);
}

// The closing-date order's boundary (open or closed) moves with the clock, so no one index holds
// it. A page is read as three runs, each in an index's order: however large the account, a page
// reads about a page of entries from each, and nothing sorts the account.
describe('a page of the closing-date order', () => {
  async function accountOfSixHundred() {
    const me = await person();
    // A third open, a third closed, a third with no closing date; Saved and Applied in turn, and
    // each updated at its own time, so every run alternates them.
    await t.db.admin`insert into jobtrack.applications
        (user_id, company, role, status, closing_date, updated_at)
      select ${me}, 'NHS Trust ' || n, 'Staff Nurse (Band 5)',
        (case when n % 2 = 0 then 'saved' else 'applied' end)::jobtrack.application_status,
        case n % 3 when 0 then current_date + 2 + n when 1 then current_date - 2 - n end,
        now() - n * interval '1 minute'
      from generate_series(1, 600) as n`;
    await t.db.admin`vacuum analyze jobtrack.applications`;
    return me;
  }

  async function plan(me: string, status: Status | null, offset: number) {
    const [[explained]] = await asUser(t.context, me, (tx) => [
      tx.execute<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>(
        sql`explain (analyze, format json) ${closingOrderIds(me, status, londonNow(), offset)}`,
      ),
    ]);
    return tableReads(explained!['QUERY PLAN'][0]!.Plan);
  }

  it('reads a page from each run, or two to find a page of one status, never the account', async () => {
    const me = await accountOfSixHundred();

    const all = await plan(me, null, 0);
    expect(all).toHaveLength(3);
    for (const scan of all) expect(scan).toEqual({ type: 'Index Only Scan', read: PAGE_SIZE });
    const saved = await plan(me, 'saved', 0);
    expect(saved).toHaveLength(3);
    for (const scan of saved) {
      expect(scan.type).toBe('Index Only Scan');
      expect(scan.read).toBeLessThanOrEqual(2 * PAGE_SIZE);
    }
  });

  it('reads to the end of the page asked for on a deeper page, and no further', async () => {
    const me = await accountOfSixHundred();
    for (const scan of await plan(me, null, 2 * PAGE_SIZE))
      expect(scan).toEqual({ type: 'Index Only Scan', read: 3 * PAGE_SIZE });
  });

  it('gives every page in the order of the list’s one ORDER BY, at the closing-time boundary and on ties', async () => {
    const me = await person();
    const now = { date: '2026-06-15', time: '12:00' };
    // Dates around today, times either side of now (and on it), few distinct update times: a
    // fixed pseudo-random spread, so a failure can be run again.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const times = [null, '09:00', '11:59:59', '12:00', '12:00:30', '12:01', '23:59', '00:00'];
    const rows = Array.from({ length: 150 }, (_, i) => {
      const date = next(5) === 0 ? null : addDays(now.date, next(7) - 3);
      return {
        user_id: me,
        company: `Employer ${i}`,
        role: 'Executive Officer (EO)',
        status: ['saved', 'applied', 'offer'][next(3)]!,
        closing_date: date,
        closing_time: date ? times[next(times.length)]! : null,
        updated_at: `2026-0${1 + next(3)}-01T00:00:00Z`,
      };
    });
    // And today at every one of those times, twice (a tie on everything but the id).
    for (const time of times)
      for (const status of ['saved', 'applied'])
        rows.push(
          ...[1, 2].map(() => ({
            ...rows[0]!,
            company: `Today ${time}`,
            status,
            closing_date: now.date,
            closing_time: time,
            updated_at: '2026-02-01T00:00:00Z',
          })),
        );
    await t.db.admin`insert into jobtrack.applications ${t.db.admin(rows)}`;

    for (const status of [null, 'saved'] as const) {
      const [expected] = await asUser(t.context, me, (tx) => [
        tx
          .select({ id: a.id })
          .from(a)
          .where(and(eq(a.userId, me), status ? eq(a.status, status) : undefined))
          .orderBy(...listOrder('closing', now)),
      ]);
      const ids = expected.map((r) => r.id);
      for (let offset = 0; offset <= ids.length; offset += PAGE_SIZE)
        expect(await page(me, status, now, offset), `${status} from ${offset}`).toEqual(
          ids.slice(offset, offset + PAGE_SIZE),
        );
    }
  });
});
