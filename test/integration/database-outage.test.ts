import { randomUUID } from 'node:crypto';
import { createCookie, type AppLoadContext } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '#db/client';
import { applications } from '#db/schema';
import { asServer, asUser, RETRY_AFTER_SECONDS } from '~/db.server';
import { loader as rootLoader } from '~/root';
import { loader as listLoader } from '~/routes/applications._index';
import { action as dashboardAction } from '~/routes/_index';
import { action as importAction } from '~/routes/account.import';
import { loader as logCsvLoader } from '~/routes/job-search-log[.csv]';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { causedBy } from '../support/errors';
import { formPost, get, ORIGIN, runAction, runLoader, type Outcome } from '../support/http';

// The 503 page itself, rendered through the Worker, is in test/integration/worker/worker.test.ts.

const db = setupTestDatabase();

async function newUser() {
  const userId = randomUUID();
  await db.admin`insert into auth.users (id, email) values (${userId}, ${`${userId}@example.com`})`;
  return userId;
}

const settle = (promise: Promise<unknown>) => promise.catch((thrown: unknown) => thrown);

describe('when the database is down', () => {
  async function downContext() {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Nothing listens on port 1: the connection is refused.
    const down = createDb('postgres://postgres:postgres@127.0.0.1:1/jobtrack');
    const cookie = (
      await createCookie('jobtrack_session').serialize(`${randomUUID()}.a-session-token`)
    ).split(';')[0]!;
    return { down, cookie, context: makeContext(down).context };
  }

  it('a page that needs data answers a calm 503 with Retry-After, not a stack trace', async () => {
    const { down, cookie, context } = await downContext();

    const outcome = await runLoader(listLoader, get('/applications', { cookie }), { context });

    expect(outcome.status).toBe(503);
    expect(outcome.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(String(outcome.data)).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    await down.close();
  });

  it('a download, a status change and an import answer the same 503', async () => {
    const upload = (cookie: string) => {
      const body = new FormData();
      body.append('intent', 'preview');
      body.append('file', new File(['{}'], 'jobtrack.json'));
      const headers = { Cookie: cookie, Origin: ORIGIN };
      return new Request(new URL('/account/import', ORIGIN), { method: 'POST', body, headers });
    };
    const ghosted = { intent: 'status', id: randomUUID(), status: 'ghosted' };
    const requests: Array<[string, (cookie: string, context: AppLoadContext) => Promise<Outcome>]> =
      [
        [
          'the job-search log as CSV',
          (cookie, context) =>
            runLoader(logCsvLoader, get('/job-search-log.csv', { cookie }), { context }),
        ],
        [
          'mark as ghosted',
          (cookie, context) =>
            runAction(dashboardAction, formPost('/?index', ghosted, { cookie }), { context }),
        ],
        [
          'import a JobTrack export',
          (cookie, context) => runAction(importAction, upload(cookie), { context }),
        ],
      ];
    for (const [name, send] of requests) {
      const { down, cookie, context } = await downContext();
      const outcome = await send(cookie, context);
      expect(outcome.status, name).toBe(503);
      expect(outcome.headers.get('Retry-After'), name).toBe(String(RETRY_AFTER_SECONDS));
      await down.close();
    }
  });

  it('the layout still renders, without account links, so pages that need no data still work', async () => {
    const { down, cookie, context } = await downContext();

    const outcome = await runLoader(rootLoader, get('/privacy', { cookie }), { context });

    expect(outcome.status).toBe(200);
    expect(outcome.data.user).toBeUndefined();
    await down.close();
  });
});

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
    expect((outcome as Response).headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
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
