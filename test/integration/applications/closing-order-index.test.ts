import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { asUser } from '~/db.server';
import { listOrder } from '~/applications/queries.server';
import { londonNow } from '~/applications/dates';
import { applications as a } from '../../../db/schema';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

type Plan = { 'Node Type': string; 'Index Name'?: string; Plans?: Plan[] };
const nodes = (plan: Plan): Plan[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

// The closing-date order depends on the London clock, so no index holds it and a page sorts every
// application of the account. Its index holds each column the order and the status filter read,
// so that sort reads the index alone, not every row of the table.
describe('the closing-date order', () => {
  it('holds every column a page (filtered by status) reads, so its index alone can answer it', async () => {
    const me = randomUUID();
    await t.db.admin`insert into auth.users (id, email) values (${me}, ${`${me}@example.com`})`;
    await t.db
      .admin`insert into jobtrack.applications (user_id, company, role, status, closing_date)
      select ${me}, 'NHS Trust ' || n, 'Staff Nurse (Band 5)', 'applied', current_date + n
      from generate_series(1, 50) as n`;
    await t.db.admin`vacuum analyze jobtrack.applications`;

    const page = (tx: Parameters<Parameters<typeof asUser>[2]>[0]) =>
      tx
        .select({ id: a.id })
        .from(a)
        .where(and(eq(a.userId, me), eq(a.status, 'applied')))
        .orderBy(...listOrder('closing', londonNow()))
        .limit(25);
    const [, [explained]] = await asUser(t.context, me, (tx) => [
      // Only the indexes compete: the table is too small for the planner to prefer them itself.
      tx.execute(sql`select set_config('enable_seqscan', 'off', true)`),
      tx.execute<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>(sql`explain (format json) ${page(tx)}`),
    ]);

    const scans = nodes(explained!['QUERY PLAN'][0]!.Plan).filter((n) =>
      /Scan/.test(n['Node Type']),
    );
    expect(scans).toEqual([
      expect.objectContaining({
        'Node Type': 'Index Only Scan',
        'Index Name': 'applications_user_closing_order_idx',
      }),
    ]);
  });
});
