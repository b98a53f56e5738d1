// The local pool lends one warm server connection to one client at a time. A client that leaves
// with answers still on their way must never hand them, or its open transaction, to the next
// client, and its cancel key must never reach a connection lent to someone else since.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPool, type LocalPool } from '#db/local-pool';
import {
  CANCEL_REQUEST,
  MessageReader,
  cstring,
  errorFields,
  int32,
  message,
  startupMessage,
} from '#db/wire-protocol';
import { setupTestDatabase } from '../support/db';

const db = setupTestDatabase();
let pool: LocalPool;

beforeAll(async () => {
  // One connection, so the next client is lent the one the last client had, if anything is.
  pool = await startLocalPool(db.url, 1);
});
afterAll(() => pool?.close());

type Received = { type: string; body: Buffer };

/** A bare protocol client: signs in through the pool and records every message it is sent. */
async function rawClient() {
  const { port, username, pathname } = new URL(pool.url);
  const socket: Socket = connect({ host: '127.0.0.1', port: Number(port) });
  const reader = new MessageReader(false);
  const received: Received[] = [];
  let waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) =>
    reader.push(chunk, (type, body) => {
      received.push({ type, body: Buffer.from(body) });
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    }),
  );
  socket.on('error', () => {});
  const readyCount = () => received.filter((m) => m.type === 'Z').length;
  /** Resolves once `count` ReadyForQuery messages have arrived in all. */
  const readyFor = (count: number) =>
    new Promise<void>(function check(done) {
      if (readyCount() >= count) return done();
      waiters.push(() => check(done));
    });
  socket.write(startupMessage({ user: decodeURIComponent(username), database: pathname.slice(1) }));
  await readyFor(1);
  const key = received.find((m) => m.type === 'K')!.body;
  return {
    socket,
    received,
    key,
    readyFor,
    query: (text: string) => socket.write(message('Q', cstring(text))),
    /** The text of every data row sent since sign-in. */
    rows: () =>
      received
        .filter((m) => m.type === 'D')
        .map((m) => m.body.subarray(6, 6 + m.body.readInt32BE(2)).toString()),
    errors: () => received.filter((m) => m.type === 'E').map((m) => errorFields(m.body)),
  };
}

/** Sends a CancelRequest with `key` (process id and secret) to the pool, as postgres.js would. */
function cancelWith(key: Buffer) {
  const { port } = new URL(pool.url);
  return new Promise<void>((done) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) }, () =>
      socket.end(Buffer.concat([int32(16), int32(CANCEL_REQUEST), key])),
    );
    socket.on('error', () => done());
    socket.on('close', () => done());
  });
}

describe('the local pool', () => {
  it('never gives the next client the answers of a client that left before they came', async () => {
    const a = await rawClient();
    // The first answer is slow; the second, A's own row, is still to come when A leaves.
    a.query('select pg_sleep(0.3)');
    a.query("select 'secret of A' from pg_sleep(0.3)");
    a.socket.destroy();

    const b = await rawClient();
    b.query("select 'B'");
    await b.readyFor(2);
    expect(b.rows()).toEqual(['B']);
    expect(b.errors()).toEqual([]);
    b.socket.destroy();
  });

  it('never lends a transaction a client left open before its answer came', async () => {
    const a = await rawClient();
    a.query('begin');
    a.query("select set_config('jobtrack.left_by', 'A', true), pg_sleep(0.3)");
    a.socket.destroy();

    const b = await rawClient();
    b.query("select coalesce(current_setting('jobtrack.left_by', true), '') || '|' || now()::text");
    b.query('select pg_current_xact_id_if_assigned() is null and now() = statement_timestamp()');
    await b.readyFor(3);
    expect(b.rows()[0]!.startsWith('|')).toBe(true);
    expect(b.rows()[1]).toBe('t');
    expect(b.errors()).toEqual([]);
    b.socket.destroy();
  });

  it('keeps a connection whose client left with every answer in, and resets it first', async () => {
    const a = await rawClient();
    a.query("select set_config('jobtrack.left_by', 'A', false)");
    await a.readyFor(2);
    a.socket.destroy();

    const b = await rawClient();
    b.query("select coalesce(current_setting('jobtrack.left_by', true), '')");
    await b.readyFor(2);
    expect(b.rows()).toEqual(['']);
    expect(b.errors()).toEqual([]);
    b.socket.destroy();
  });

  it('drops a cancel sent with the key of a client that has left', async () => {
    const a = await rawClient();
    a.socket.destroy();

    const b = await rawClient();
    b.query("select 'finished' from pg_sleep(0.5)");
    await new Promise((done) => setTimeout(done, 100));
    await cancelWith(a.key);
    await b.readyFor(2);
    expect(b.errors()).toEqual([]);
    expect(b.rows()).toEqual(['finished']);
    b.socket.destroy();
  });

  it('still passes on a cancel from the client the connection is lent to', async () => {
    const b = await rawClient();
    b.query('select pg_sleep(5)');
    await new Promise((done) => setTimeout(done, 100));
    await cancelWith(b.key);
    await b.readyFor(2);
    expect(b.errors().map((e) => e.C)).toEqual(['57014']);
    b.socket.destroy();
  });
});
