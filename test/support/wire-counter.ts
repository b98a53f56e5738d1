/**
 * A PostgreSQL wire-protocol proxy that counts what crosses it: connections, round trips and
 * statements. Tests put it between the app and the database and assert the counts per request
 * (counts, not times, so they are stable); `npm run bench` prints them.
 *
 * A round trip is a client flight: whatever the client sends after the proxy has handed it anything
 * from the server since it last sent. Pipelined statements are one flight; a statement that waits
 * for the previous answer starts a new one. Answers are held back `latencyMs` (5 ms unless told),
 * as a distant database's would be: postgres.js flushes one pipeline in pieces across event-loop
 * turns, and a piece that arrives after an early answer was passed on would otherwise look like a
 * new round trip although nothing waited for it. Flights up to the first ReadyForQuery are the
 * connection's setup (startup and authentication), counted apart. A flight holding only Terminate
 * is not counted: nothing waits for it.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { GSS_REQUEST, MessageReader, SSL_REQUEST } from '../../db/wire-protocol';

export interface WireCounts {
  /** Connections opened. */
  connections: number;
  /** Flights spent opening connections (startup and authentication), all connections together. */
  connectTrips: number;
  /** Flights after the connections were ready: the cost a request's queries add. */
  roundTrips: number;
  /** Statements executed: extended-protocol Execute messages plus simple Query messages. */
  statements: number;
  /** Bytes from the app to the database, and back. */
  bytesUp: number;
  bytesDown: number;
}

export interface WireCounter {
  port: number;
  /** `databaseUrl` with its host and port swapped for this proxy's. */
  urlFor: (databaseUrl: string) => string;
  /** Counts since the last reset. */
  counts: () => WireCounts;
  reset: () => void;
  /** Changes how long answers are held back, for connections and answers from now on. */
  setLatency: (ms: number) => void;
  /** Resolves once no connection through the proxy is open (or after `timeoutMs`). */
  idle: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

const zero = (): WireCounts => ({
  connections: 0,
  connectTrips: 0,
  roundTrips: 0,
  statements: 0,
  bytesUp: 0,
  bytesDown: 0,
});

/**
 * Starts the proxy on 127.0.0.1 (a free port) in front of `target`. `latencyMs` holds every answer
 * from the database that long before passing it on.
 */
export async function startWireCounter(
  target: { host: string; port: number },
  options: { latencyMs?: number } = {},
): Promise<WireCounter> {
  let latency = options.latencyMs ?? 5;
  let counts = zero();
  const open = new Set<Socket>();
  let idleWaiters: Array<() => void> = [];

  const server: Server = createServer((client) => {
    const upstream = connect(target);
    open.add(client);
    counts.connections += 1;
    const clientReader = new MessageReader(true);
    const serverReader = new MessageReader(false);
    let ready = false;
    let answeredSinceClientSent = true;
    let awaitingSslByte = false;
    let opaque = false;
    // What the database sent, in order, each with the moment it may be passed on. One timer drains
    // it front first: a timer per chunk could fire out of order (Node's timers run on the loop's
    // cached clock, not Date.now()), and chunks swapped in a stream hand one statement's answer
    // to another (seen once under load: a query got the rows of the one before it).
    const held: Array<{ at: number; chunk: Buffer | 'end' }> = [];
    let drain: ReturnType<typeof setTimeout> | null = null;
    const release = () => {
      drain = null;
      while (held.length > 0 && held[0]!.at <= Date.now()) {
        const { chunk } = held.shift()!;
        if (chunk === 'end') client.end();
        else deliver(chunk);
      }
      if (held.length > 0) drain = setTimeout(release, held[0]!.at - Date.now());
    };
    const hold = (chunk: Buffer | 'end') => {
      held.push({ at: Date.now() + latency, chunk });
      if (drain === null) drain = setTimeout(release, latency);
    };

    client.on('data', (chunk: Buffer) => {
      counts.bytesUp += chunk.length;
      let waits = false;
      if (!opaque) {
        clientReader.push(chunk, (type, body) => {
          if (type === '') {
            const code = body.readUInt32BE(0);
            if (code === SSL_REQUEST || code === GSS_REQUEST) awaitingSslByte = true;
            else clientReader.expectUntyped(false);
            waits = true;
            return;
          }
          if (type !== 'X') waits = true;
          if (type === 'E' || type === 'Q') counts.statements += 1;
        });
      } else waits = true;
      if (waits && answeredSinceClientSent) {
        if (ready) counts.roundTrips += 1;
        else counts.connectTrips += 1;
        answeredSinceClientSent = false;
      }
      upstream.write(chunk);
    });

    const deliver = (chunk: Buffer) => {
      answeredSinceClientSent = true;
      if (client.writable) client.write(chunk);
    };

    upstream.on('data', (chunk: Buffer) => {
      counts.bytesDown += chunk.length;
      if (!opaque) {
        if (awaitingSslByte) {
          const byte = chunk[0];
          awaitingSslByte = false;
          // 'S': the rest is encrypted and cannot be read; keep counting flights only.
          if (byte === 0x53) opaque = true;
          else clientReader.expectUntyped(true);
        } else {
          serverReader.push(chunk, (type) => {
            if (type === 'Z') ready = true;
          });
        }
      }
      if (latency === 0 && held.length === 0) deliver(chunk);
      else hold(chunk);
    });

    const forget = () => {
      if (!open.delete(client) || open.size > 0) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((done) => done());
    };
    // The app or the database may vanish at any moment (a restart test does exactly that): pass
    // an end on as an end (a reset would reach the other side as an error), an error as a reset.
    client.on('end', () => upstream.end());
    upstream.on('end', () => hold('end'));
    const fail = () => {
      if (drain !== null) clearTimeout(drain);
      client.destroy();
      upstream.destroy();
      forget();
    };
    client.on('error', fail);
    upstream.on('error', fail);
    client.on('close', forget);
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  return {
    port,
    urlFor: (databaseUrl) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    counts: () => ({ ...counts }),
    reset: () => {
      counts = zero();
    },
    setLatency: (ms) => {
      latency = ms;
    },
    idle: (timeoutMs = 5_000) =>
      open.size === 0
        ? Promise.resolve()
        : new Promise<void>((done) => {
            const timer = setTimeout(done, timeoutMs);
            idleWaiters.push(() => {
              clearTimeout(timer);
              done();
            });
          }),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}
