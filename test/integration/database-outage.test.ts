import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { applications } from '#db/schema';
import { asServer, asUser } from '~/db.server';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { causedBy } from '../support/errors';

// The 503 page itself, rendered through the Worker, is in test/integration/worker/worker.test.ts.

const db = setupTestDatabase();

async function newUser() {
  const userId = randomUUID();
  await db.admin`insert into auth.users (id, email) values (${userId}, ${`${userId}@example.com`})`;
  return userId;
}

const settle = (promise: Promise<unknown>) => promise.catch((thrown: unknown) => thrown);

describe('a failure part-way through a change', () => {
  it('leaves nothing half-written', async () => {
    const userId = await newUser();
    const { context } = makeContext(db.handle);

    await expect(
      asUser(context, userId, async (tx) => {
        await tx.insert(applications).values({ userId, company: 'Acme', role: 'Clerk' });
        throw new Error('second write failed');
      }),
    ).rejects.toThrow('second write failed');

    const rows = await db.admin`select 1 from jobtrack.applications where user_id = ${userId}`;
    expect(rows).toHaveLength(0);
  });
});

describe('the statement timeout', () => {
  it('is 5 seconds for every person’s and every server transaction', async () => {
    const userId = await newUser();
    const { context } = makeContext(db.handle);
    const show = sql`select current_setting('statement_timeout') as timeout`;

    const asPerson = await asUser(context, userId, (tx) => tx.execute(show));
    const asItself = await asServer(context, (tx) => tx.execute(show));

    expect(asPerson[0]).toEqual({ timeout: '5s' });
    expect(asItself[0]).toEqual({ timeout: '5s' });
  });

  it.each([
    [
      'a person’s query',
      (context: Parameters<typeof asServer>[0], userId: string) =>
        asUser(context, userId, (tx) => tx.execute(sql`select pg_sleep(3)`)),
    ],
    [
      'a server query',
      (context: Parameters<typeof asServer>[0]) =>
        asServer(context, (tx) => tx.execute(sql`select pg_sleep(3)`)),
    ],
  ])('cuts off %s that runs too long, and answers 503', async (_, run) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const userId = await newUser();
    // The same code path with a shorter limit, so the test need not wait 5 seconds.
    const { context } = makeContext(db.handle, {}, { statementTimeoutMs: 200 });

    const outcome = await settle(run(context, userId));

    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(503);
    expect((outcome as Response).headers.get('Retry-After')).toBe('30');
    // The database's code and message, never the query (loggable).
    expect(warn).toHaveBeenCalledWith('Database unavailable:', expect.stringContaining('57014'));
    expect(warn).not.toHaveBeenCalledWith(
      'Database unavailable:',
      expect.stringContaining('pg_sleep'),
    );
  });
});

describe('an ordinary database error', () => {
  it('is not mistaken for an outage: a unique violation stays an error (a 500), not a 503', async () => {
    const userId = await newUser();
    const { context } = makeContext(db.handle);
    const id = randomUUID();
    const insert = () =>
      asUser(context, userId, (tx) =>
        tx.insert(applications).values({ id, userId, company: 'Acme', role: 'Clerk' }),
      );
    await insert();

    const outcome = await settle(insert());

    expect(outcome).not.toBeInstanceOf(Response);
    expect(outcome).toSatisfy(causedBy(/duplicate key value violates unique constraint/));
  });

  it('is not mistaken for an outage: a row-level security refusal stays an error', async () => {
    const userId = await newUser();
    const someoneElse = await newUser();
    const { context } = makeContext(db.handle);

    const outcome = await settle(
      asUser(context, userId, (tx) =>
        tx.insert(applications).values({ userId: someoneElse, company: 'X', role: 'Y' }),
      ),
    );

    expect(outcome).not.toBeInstanceOf(Response);
    expect(outcome).toSatisfy(causedBy(/row-level security/));
  });
});
