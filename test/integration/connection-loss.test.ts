// A database connection that ends while nobody is using it (a restart, an idle timeout, an
// operator's pg_terminate_backend), through the Worker's own fetch and the local pool that stands
// in for Hyperdrive, as `npm start` runs them: the person sees the page, or at worst the calm 503
// with Retry-After, and the next request works; never a 500 or a hang. The same loss inside a
// transaction that is awaiting something else is in as-user.test.ts (review L1).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalPool, type LocalPool } from '#db/local-pool';
import { RETRY_AFTER_SECONDS } from '~/db.server';
import { makeContext } from '../support/context';
import { setupTestDatabase } from '../support/db';
import { ORIGIN } from '../support/http';
import { signedInUser, type TestUser } from '../support/users';
import { fetchWorker, type WorkerAnswer } from '../support/worker';
import { exportOfOne } from '../fixtures/exports';

const db = setupTestDatabase();
let pool: LocalPool;
let me: TestUser;

beforeAll(async () => {
  pool = await startLocalPool(db.url, 4);
  me = await signedInUser(db, makeContext(db.handle).context);
});
afterAll(async () => {
  await pool?.close();
  const { closeServerBuild } = await import('../support/server-build');
  await closeServerBuild();
});

const worker = (request: Request) => fetchWorker(request, pool.url);

function page(path: string) {
  const headers = new Headers({ Host: new URL(ORIGIN).host, Cookie: me.cookie });
  return new Request(new URL(path, ORIGIN), { headers });
}

/** Ends every server connection the pool holds, from outside, as an operator would. */
async function endPoolConnections() {
  // In the select list, not the where clause: there it might be called for rows the filter drops.
  const ended = await db.admin<{ pid: number }[]>`
    select pid, pg_terminate_backend(pid) from pg_stat_activity
    where application_name = 'jobtrack-local-pool'`;
  return ended.map((row) => row.pid);
}

/** Waits until the database has let the backends `pids` go; answers them. */
async function gone(pids: number[]) {
  for (;;) {
    const [left] = await db.admin<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where pid in ${db.admin(pids)}`;
    if (left!.n === 0) return pids;
  }
}

/**
 * `done` (the page), or the calm 503 with Retry-After: a loss the request's statements met before
 * the pool or the client had seen the socket close. Which one depends on that race.
 */
function expectCalm(answer: WorkerAnswer, name: string, done = 200) {
  expect([done, 503], `${name}: ${answer.status}`).toContain(answer.status);
  if (answer.status === 503) {
    expect(answer.headers.get('Retry-After'), name).toBe(String(RETRY_AFTER_SECONDS));
  }
}

/**
 * A multipart POST to the JSON import whose body is held back until the action starts to read
 * it (the session already confirmed by then, the connection idle in the request's client), when
 * `meanwhile` runs first.
 */
function importHeldBack(fields: Record<string, string | File>, meanwhile: () => Promise<void>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  const reader = encoded.body!.getReader();
  let held = true;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (held) {
          held = false;
          await meanwhile();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    },
    // Pulled only when read, not as soon as it is made.
    { highWaterMark: 0 },
  );
  const headers = new Headers({
    Host: new URL(ORIGIN).host,
    Origin: ORIGIN,
    Cookie: me.cookie,
    'Content-Type': encoded.headers.get('Content-Type')!,
  });
  const init = { method: 'POST', body, headers, duplex: 'half' };
  return new Request(new URL('/account/import', ORIGIN), init as RequestInit);
}

describe('a pooled connection the database ends while idle', () => {
  it('between requests: the next request answers the page or a calm 503, and the one after it the page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await worker(page('/applications'))).status).toBe(200);
    expect((await endPoolConnections()).length).toBeGreaterThan(0);

    expectCalm(await worker(page('/applications')), 'the next request');
    expect((await worker(page('/applications'))).status).toBe(200);
  });

  it('inside a request, while its body is read between two transactions: the import done once, or a calm 503 that adds nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const text = JSON.stringify(exportOfOne());
    const ended: number[] = [];
    const request = importHeldBack({ intent: 'confirm', data: text, account: me.id }, async () => {
      // The session check has answered; its connection waits in the request's client.
      ended.push(...(await gone(await endPoolConnections())));
    });

    const answer = await worker(request);
    expect(ended.length).toBeGreaterThan(0);
    expectCalm(answer, 'the import', 302);
    const added = await db.admin`
      select 1 from jobtrack.applications where user_id = ${me.id} and company = 'Imported Ltd'`;
    expect(added).toHaveLength(answer.status === 302 ? 1 : 0);
    expect((await worker(page('/applications'))).status).toBe(200);
  });
});
