// asUser's setup statement, beyond row-level security (rls.test.ts): what a claim that does not
// hold lets run, and what a transaction can see of settings left behind on its connection.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '#db/client';
import {
  asCalendarOwner,
  asServer,
  asUser,
  checkClaim,
  SessionEnded,
  type Statement,
  type Tx,
  type UserClaim,
} from '~/db.server';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';

const db = setupTestDatabase();

async function createUser() {
  const id = randomUUID();
  await db.admin`insert into auth.users (id, email) values (${id}, ${`${id}@example.com`})`;
  return id;
}

/** A claim for `id` whose check finds the person (holds) or finds no row (the session ended). */
function claimFor(id: string, holds: boolean): UserClaim {
  return {
    id,
    check: holds
      ? sql`select ${id}::uuid as id, 'x@example.com'::text as email, null::boolean as has_password`
      : sql`select null::uuid as id, null::text as email, null::boolean as has_password where false`,
    signedOut: () => new SessionEnded(),
  };
}

/**
 * Sends `flight` in one of a new person's pipelined transactions, behind a 2 s sleep, on a client
 * of one connection; ends that connection from the server during the sleep; and gives what
 * asUser answered (a thrown Response is the answer too).
 */
async function closedUnderFlight(flight: (tx: Tx, alice: string) => Statement[]) {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const handle = createDb(db.url, { max: 1 });
  try {
    const { context } = makeContext(handle);
    const alice = await createUser();
    const marker = `flight-${randomUUID()}`;
    const answer = asUser(context, alice, (tx) => [
      tx.execute(sql.raw(`select pg_sleep(2) /* ${marker} */`)),
      ...flight(tx, alice),
    ]).catch((thrown: unknown) => thrown);
    let pid: number | undefined;
    while (pid === undefined) {
      const [row] = await db.admin<{ pid: number }[]>`
        select pid from pg_stat_activity where query like ${`%${marker}%`} and pid <> pg_backend_pid()`;
      pid = row?.pid;
    }
    await db.admin`select pg_terminate_backend(${pid})`;
    return { alice, answer: await answer };
  } finally {
    await handle.close();
  }
}

describe('asUser', () => {
  it('never starts an async work for a claim that does not hold', async () => {
    const { context } = makeContext(db.handle);
    const id = await createUser();
    let started = false;
    await expect(
      asUser(context, claimFor(id, false), async () => {
        started = true; // stands for work beyond the database: an email, a call to Claude
        return 'done';
      }),
    ).rejects.toBeInstanceOf(SessionEnded);
    expect(started).toBe(false);
  });

  it('runs an async work once the claim holds, in the person’s transaction', async () => {
    const { context } = makeContext(db.handle);
    const id = await createUser();
    const seen = await asUser(context, claimFor(id, true), async (tx) => {
      const [row] = await tx.execute<{ sub: string }>(sql`select auth.uid()::text as sub`);
      return row!.sub;
    });
    expect(seen).toBe(id);
  });

  it('overwrites the single-claim setting, so a value left on the connection names nobody else', async () => {
    // One connection, so the second transaction runs where the first left its session setting.
    const handle = createDb(db.url, { max: 1 });
    try {
      const { context } = makeContext(handle);
      const [alice, bob] = [await createUser(), await createUser()];
      await asUser(context, alice, (tx) =>
        tx.execute(sql`select set_config('request.jwt.claim.sub', ${alice}, false)`),
      );
      const [[row]] = await asUser(context, bob, (tx) => [
        tx.execute<{ single: string; uid: string }>(
          sql`select current_setting('request.jwt.claim.sub', true) as single, auth.uid()::text as uid`,
        ),
      ]);
      expect(row).toEqual({ single: bob, uid: bob });
    } finally {
      await handle.close();
    }
  });

  it('rolls back when a statement cannot be built, so the connection is not left in the person’s transaction', async () => {
    // One connection, so the server's next transaction runs where the person's one was.
    const handle = createDb(db.url, { max: 1 });
    try {
      const { context } = makeContext(handle);
      const alice = await createUser();
      const unbuildable = {
        execute(): Promise<unknown> {
          throw new Error('Cannot pass undefined values to any set operator');
        },
      };
      await expect(
        asUser(context, alice, (tx) => [tx.execute(sql`select 1`), unbuildable]),
      ).rejects.toThrow(/undefined values/);

      const [row] = await asServer(context, (tx) =>
        tx.execute<{ role: string; sub: string | null }>(
          sql`select current_user::text as role, current_setting('request.jwt.claim.sub', true) as sub`,
        ),
      );
      expect(row!.role).not.toBe('authenticated');
      expect(row!.sub ?? '').not.toBe(alice);
    } finally {
      await handle.close();
    }
  });

  it('refuses a statement sent after its connection was lost, instead of running it on a new one', async () => {
    const handle = createDb(db.url, { max: 1 });
    try {
      const { context } = makeContext(handle);
      const alice = await createUser();
      let after: Error | null = null;
      await asUser(context, alice, async (tx) => {
        const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await db.admin`select pg_terminate_backend(${me!.pid})`;
        // The first statement finds the connection gone; a work that carries on anyway…
        await tx.execute(sql`select 1`).catch(() => {});
        after = await tx.execute(sql`select current_user::text as role`).then(
          () => null,
          (error: Error) => error,
        );
        return null;
      }).catch(() => {});
      // …is refused, rather than sent on a fresh connection outside the transaction.
      expect((after as Error | null)?.cause as Error | undefined).toBeDefined();
      expect(((after as Error | null)?.cause as Error).message).toMatch(/transaction is over/);
    } finally {
      await handle.close();
    }
  });

  it('refuses a statement sent after its connection closed while idle and reopened for another transaction', async () => {
    // Review L1 (porsager/postgres#1155 upstream): the connection closes while the work awaits
    // something else; with one connection, postgres.js reopens that very connection for the next
    // transaction of the request, and the first work's next statement must not run on it.
    let noticed!: () => void;
    const closed = new Promise<void>((done) => (noticed = done));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handle = createDb(db.url, { max: 1, onclose: () => noticed() });
    try {
      const { context } = makeContext(handle);
      const alice = await createUser();
      const bob = await createUser();
      let other: unknown;
      const first = asUser(context, alice, async (tx) => {
        const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await db.admin`select pg_terminate_backend(${me!.pid})`;
        await closed;
        other = await asUser(context, alice, (next) =>
          next.execute(sql`select current_setting('request.jwt.claim.sub') as sub`),
        );
        // A row that is not Alice's: RLS refuses it inside her transaction; outside it, as the
        // server's role, nothing would.
        await tx.execute(
          sql`insert into jobtrack.applications (user_id, company, role) values (${bob}, 'Planted', 'Role')`,
        );
        return 'done';
      });
      const answer = await first.catch((thrown: unknown) => thrown);
      expect(other).toEqual([{ sub: alice }]);
      expect(answer).toBeInstanceOf(Response);
      expect((answer as Response).status).toBe(503);
      const planted = await db.admin`select 1 from jobtrack.applications where user_id = ${bob}`;
      expect(planted).toHaveLength(0);
    } finally {
      await handle.close();
    }
  });

  it('answers 503, never hangs, when the connection closes under a flight longer than postgres.js’s pipeline', async () => {
    // Review M1: beyond max_pipeline, statements waited in the reservation's own queue, and a
    // close never settled them: a large JSON import hung for ever when its connection dropped.
    const { alice, answer } = await closedUnderFlight((tx, alice) =>
      Array.from({ length: 250 }, (_, i) =>
        tx.execute(
          sql`insert into jobtrack.applications (user_id, company, role) values (${alice}, ${`Trust ${i}`}, 'Band 5 Nurse')`,
        ),
      ),
    );
    expect((answer as Response).status).toBe(503);
    const rows = await db.admin`select 1 from jobtrack.applications where user_id = ${alice}`;
    expect(rows).toHaveLength(0);
  });

  it('gives a transaction waiting for a connection the one that closed under another, not a wait for ever', async () => {
    // With every connection busy, the next transaction's reserve() waits; postgres.js reopens a
    // connection that closes for the first waiter, which must then get it (it waited for ever
    // before, as when the 10 s idle timeout closed a connection just as a transaction asked).
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let noticed!: () => void;
    const closed = new Promise<void>((done) => (noticed = done));
    const handle = createDb(db.url, { max: 1, onclose: () => noticed() });
    try {
      const { context } = makeContext(handle);
      const alice = await createUser();
      let waiting!: Promise<unknown>;
      const first = asUser(context, alice, async (tx) => {
        const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        waiting = asUser(context, alice, (next) =>
          next.execute(sql`select current_setting('request.jwt.claim.sub') as sub`),
        );
        await db.admin`select pg_terminate_backend(${me!.pid})`;
        await closed;
        await tx.execute(sql`select 1`);
      }).catch((thrown: unknown) => thrown);
      expect(((await first) as Response).status).toBe(503);
      expect(await waiting).toEqual([{ sub: alice }]);
    } finally {
      await handle.close();
    }
  });

  it('answers 503, never hangs, when the connection closes under a flight the socket could not take at once', async () => {
    // Past a few megabytes unread by the server, Node's socket pushes back and postgres.js holds
    // the later statements in the reservation's queue, which the patch fails on a close.
    const page = 'x'.repeat(256 * 1024);
    const { answer } = await closedUnderFlight((tx) =>
      Array.from({ length: 60 }, () => tx.execute(sql`select length(${page}::text)`)),
    );
    expect((answer as Response).status).toBe(503);
  });

  it('answers 503 for a work whose connection closed after its last statement, which never committed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let noticed!: () => void;
    const closed = new Promise<void>((done) => (noticed = done));
    const handle = createDb(db.url, { max: 1, onclose: () => noticed() });
    try {
      const { context } = makeContext(handle);
      const alice = await createUser();
      const answer = await asUser(context, alice, async (tx) => {
        await tx.execute(
          sql`insert into jobtrack.applications (user_id, company, role) values (${alice}, 'Lost', 'Role')`,
        );
        const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await db.admin`select pg_terminate_backend(${me!.pid})`;
        await closed;
        return 'saved';
      }).catch((thrown: unknown) => thrown);
      expect(answer).toBeInstanceOf(Response);
      expect((answer as Response).status).toBe(503);
      const rows = await db.admin`select 1 from jobtrack.applications where user_id = ${alice}`;
      expect(rows).toHaveLength(0);
    } finally {
      await handle.close();
    }
  });

  it('refuses a statement sent after the transaction ended, instead of running it outside', async () => {
    const { context } = makeContext(db.handle);
    const alice = await createUser();
    let kept: Tx | null = null;
    await asUser(context, alice, async (tx) => {
      kept = tx; // a work that keeps its database past its end (a late, unawaited statement)
      return null;
    });
    const late = await kept!.execute(sql`select current_user::text as role`).then(
      () => null,
      (error: Error) => error,
    );
    // Drizzle wraps the refusal ("Failed query: …") with it as the cause.
    expect((late?.cause as Error | undefined)?.message).toMatch(/transaction is over/);
  });
});

describe('checkClaim', () => {
  it('answers the person for a claim that holds, and null (signed out) for one that does not', async () => {
    const id = await createUser();
    const { context } = makeContext(db.handle);
    expect(await checkClaim(context, claimFor(id, true))).toMatchObject({ id });
    const { context: later } = makeContext(db.handle);
    expect(await checkClaim(later, claimFor(id, false))).toBeNull();
  });
});

describe('asCalendarOwner', () => {
  it('runs as the feed’s owner, answers null for an unknown feed, and rethrows a failing statement', async () => {
    const id = await createUser();
    const hash = `hash-${randomUUID()}`;
    await db.admin`
      insert into jobtrack.tracker_settings (user_id, calendar_token_hash) values (${id}, ${hash})`;
    const { context } = makeContext(db.handle);
    const whoAmI = (tx: Tx, owner: ReturnType<typeof sql>) =>
      [tx.execute(sql`select ${owner} as id`)] as const;
    const [rows] = (await asCalendarOwner(context, hash, whoAmI))!;
    expect([...rows]).toEqual([{ id }]);
    expect(await asCalendarOwner(context, 'no-such-hash', whoAmI)).toBeNull();
    await expect(
      asCalendarOwner(context, hash, (tx) => [tx.execute(sql`select 1 / 0`)] as const),
    ).rejects.toThrow(/Failed query: select 1 \/ 0/);
  });
});
