import { randomUUID } from 'node:crypto';
import { createCookie } from '@remix-run/cloudflare';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '#db/client';
import { applications } from '#db/schema';
import { asUser } from '~/db.server';
import { loader as rootLoader } from '~/root';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { get, runLoader } from '../support/http';

const db = setupTestDatabase();

describe('when the database is down', () => {
  it('a page answers a calm 503, not a stack trace', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Nothing listens on port 1: the connection is refused.
    const down = createDb('postgres://postgres:postgres@127.0.0.1:1/jobtrack');
    const { context } = makeContext(down);

    const cookie = (await createCookie('jobtrack_session').serialize('a-session-token')).split(
      ';',
    )[0]!;

    const outcome = await runLoader(rootLoader, get('/', { cookie }), { context });

    expect(outcome.status).toBe(503);
    expect(outcome.headers.get('Retry-After')).toBe('30');
    expect(String(outcome.data)).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    await down.close();
  });
});

describe('a failure part-way through a change', () => {
  it('leaves nothing half-written', async () => {
    const userId = randomUUID();
    await db.admin`insert into auth.users (id, email) values (${userId}, 'half@example.com')`;
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

describe('a query that runs too long', () => {
  it('is cut off by the statement timeout and answers 503', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const userId = randomUUID();
    await db.admin`insert into auth.users (id, email) values (${userId}, 'slow@example.com')`;
    const { context } = makeContext(db.handle);

    const outcome = await asUser(context, userId, (tx) =>
      tx.execute(sql`select pg_sleep(6)`),
    ).catch((thrown: unknown) => thrown);

    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(503);
  });
});
