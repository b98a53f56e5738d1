/**
 * A small connection pool in front of the local database, standing in for Hyperdrive's pool: the
 * Worker still opens a connection per request, but behind it a warm, signed-in server connection
 * is lent for the length of that connection and then reset and kept, as Hyperdrive does near the
 * origin. Without it every request paid for a new PostgreSQL backend (about 30 ms of a page's time
 * here), which production never pays.
 *
 * It also shields wrangler from the database: the pool always accepts, and while the database is
 * away a client gets the server's own kind of answer (FATAL 57P03, "not accepting connections"),
 * so the app answers 503 and recovers on the next request once the database is back.
 *
 * Local only: it listens on 127.0.0.1 and lets in any client, as the embedded server's known
 * password already does; it signs in to the database itself with the URL's credentials.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { connect, createServer, type Socket } from 'node:net';
import {
  CANCEL_REQUEST,
  GSS_REQUEST,
  MessageReader,
  SSL_REQUEST,
  cstring,
  errorFields,
  errorResponse,
  int32,
  message,
  startupMessage,
} from './wire-protocol';

export interface LocalPool {
  /** The database URL, pointed at the pool. */
  url: string;
  close: () => Promise<void>;
}

type Target = { host: string; port: number; user: string; password: string; database: string };

/** A signed-in connection to the database, lent to one client at a time. */
class ServerConnection {
  readonly reader = new MessageReader(false);
  /** ParameterStatus messages from its startup, replayed to each client. */
  greeting: Buffer[] = [];
  /** Its BackendKeyData (process id and secret): only the pool sends cancels with it. */
  key: Buffer = Buffer.alloc(0);
  /**
   * Sync, Query and FunctionCall messages sent on it whose ReadyForQuery has not come back yet.
   * A client that leaves while any is in flight leaves answers (or a transaction) behind.
   */
  unanswered = 0;
  /** Transaction status from the last ReadyForQuery: I idle, T in a transaction, E failed. */
  status = 'I';
  client: Socket | null = null;
  closed = false;
  /** Called when nothing is left unanswered (the reset's own ReadyForQuery has come back). */
  onReady: (() => void) | null = null;

  constructor(readonly socket: Socket) {}
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Opens a connection to `target` and signs in (cleartext, MD5 or SCRAM-SHA-256). */
function openServer(target: Target): Promise<ServerConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port, noDelay: true });
    const server = new ServerConnection(socket);
    const nonce = randomBytes(18).toString('base64');
    const clientFirstBare = `n=*,r=${nonce}`;
    let serverSignature: Buffer | null = null;
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('close', () => fail(new Error('The database closed the connection')));
    socket.on('connect', () =>
      socket.write(
        startupMessage({
          user: target.user,
          database: target.database,
          client_encoding: 'UTF8',
          application_name: 'jobtrack-local-pool',
        }),
      ),
    );
    const onData = (chunk: Buffer) =>
      server.reader.push(chunk, (type, body, raw) => {
        if (type === 'E') {
          const fields = errorFields(body);
          return fail(Object.assign(new Error(fields.M), { code: fields.C }));
        }
        if (type === 'S') server.greeting.push(raw);
        if (type === 'K') server.key = Buffer.from(body);
        if (type === 'Z') {
          socket.off('data', onData);
          socket.removeAllListeners('error');
          socket.removeAllListeners('close');
          server.status = String.fromCharCode(body[0]!);
          return resolve(server);
        }
        if (type !== 'R') return;
        const code = body.readUInt32BE(0);
        if (code === 3) socket.write(message('p', cstring(target.password)));
        else if (code === 5) {
          const inner = createHash('md5')
            .update(target.password + target.user)
            .digest('hex');
          const outer = createHash('md5')
            .update(Buffer.concat([Buffer.from(inner), body.subarray(4, 8)]))
            .digest('hex');
          socket.write(message('p', cstring(`md5${outer}`)));
        } else if (code === 10) {
          const first = Buffer.from(`n,,${clientFirstBare}`);
          socket.write(
            message('p', Buffer.concat([cstring('SCRAM-SHA-256'), int32(first.length), first])),
          );
        } else if (code === 11) {
          const serverFirst = body.subarray(4).toString();
          const parts = Object.fromEntries(
            serverFirst.split(',').map((part) => [part[0], part.slice(2)]),
          );
          const salted = pbkdf2Sync(
            target.password,
            Buffer.from(parts.s!, 'base64'),
            Number(parts.i),
            32,
            'sha256',
          );
          const clientKey = hmac(salted, 'Client Key');
          const withoutProof = `c=biws,r=${parts.r}`;
          const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
          const signature = hmac(sha256(clientKey), authMessage);
          const proof = Buffer.from(clientKey.map((byte, i) => byte ^ signature[i]!));
          serverSignature = hmac(hmac(salted, 'Server Key'), authMessage);
          socket.write(message('p', Buffer.from(`${withoutProof},p=${proof.toString('base64')}`)));
        } else if (code === 12) {
          const expected = `v=${serverSignature?.toString('base64')}`;
          if (body.subarray(4).toString() !== expected)
            fail(new Error('The database did not prove that it knows the password'));
        } else if (code !== 0) fail(new Error(`Unsupported authentication method ${code}`));
      });
    socket.on('data', onData);
  });
}

/**
 * Starts the pool on 127.0.0.1 (a free port) in front of `databaseUrl`, keeping up to `size`
 * server connections.
 */
export async function startLocalPool(databaseUrl: string, size = 20): Promise<LocalPool> {
  const parsed = new URL(databaseUrl);
  const target: Target = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
  const idle: ServerConnection[] = [];
  const waiting: Array<(server: ServerConnection | Error) => void> = [];
  const clients = new Set<Socket>();
  // Each lending gets a key of its own, so a cancel reaches a connection only while the client
  // that was given that key still has it; a departed client's key finds nothing.
  const lendings = new Map<string, { server: ServerConnection; client: Socket }>();
  let open = 0;

  function discard(server: ServerConnection) {
    if (server.closed) return;
    server.closed = true;
    open -= 1;
    server.socket.destroy();
    const index = idle.indexOf(server);
    if (index >= 0) idle.splice(index, 1);
    server.client?.destroy();
    // A slot came free: let a waiting client open a fresh connection.
    const next = waiting.shift();
    if (next) void acquire().then(next, next);
  }

  function watch(server: ServerConnection) {
    server.socket.on('data', (chunk: Buffer) => {
      server.client?.write(chunk);
      server.reader.push(chunk, (type, body) => {
        if (type !== 'Z') return;
        server.status = String.fromCharCode(body[0]!);
        server.unanswered = Math.max(0, server.unanswered - 1);
        if (server.unanswered > 0) return;
        const ready = server.onReady;
        server.onReady = null;
        ready?.();
      });
    });
    // A restart or crash of the database ends its connections: drop them, and their clients.
    server.socket.on('error', () => discard(server));
    server.socket.on('close', () => discard(server));
  }

  async function acquire(): Promise<ServerConnection> {
    const ready = idle.pop();
    if (ready) return ready;
    if (open >= size) {
      return new Promise((resolve, reject) =>
        waiting.push((result) => (result instanceof Error ? reject(result) : resolve(result))),
      );
    }
    open += 1;
    try {
      const server = await openServer(target);
      watch(server);
      return server;
    } catch (error) {
      open -= 1;
      throw error;
    }
  }

  /**
   * Takes the connection back. Kept only if every answer its client asked for has come and no
   * transaction is open; then reset, and lent again only once the reset's own ReadyForQuery is in.
   * Anything else (answers in flight, an open or failed transaction) closes it: a reset cannot
   * tell the last client's late answers from the next client's.
   */
  function release(server: ServerConnection) {
    server.client = null;
    if (server.closed) return;
    if (server.unanswered > 0 || server.status !== 'I' || server.reader.buffered > 0) {
      return discard(server);
    }
    server.onReady = () => {
      if (server.closed) return;
      if (server.status !== 'I') return discard(server);
      const next = waiting.shift();
      if (next) next(server);
      else idle.push(server);
    };
    server.unanswered += 1;
    server.socket.write(message('Q', cstring('DISCARD ALL')));
  }

  /** Forwards a CancelRequest with `key` only to a connection still lent to the key's holder. */
  function cancel(key: Buffer) {
    const lending = lendings.get(key.toString('hex'));
    if (!lending || lending.server.client !== lending.client || lending.server.closed) return;
    const socket = connect({ host: target.host, port: target.port });
    socket.on('error', () => socket.destroy());
    socket.end(Buffer.concat([int32(16), int32(CANCEL_REQUEST), lending.server.key]));
  }

  function serve(client: Socket) {
    clients.add(client);
    client.setNoDelay(true);
    const reader = new MessageReader(true);
    let server: ServerConnection | null = null;
    let starting = false;
    let lendingKey: string | null = null;
    // A client that says goodbye (Terminate) or closes gets a graceful end: tearing the socket
    // down with bytes unread would reset it, and the reset would reach workerd as an error.
    const finish = (graceful: boolean) => {
      clients.delete(client);
      if (graceful) client.end();
      else client.destroy();
      if (lendingKey) lendings.delete(lendingKey);
      lendingKey = null;
      if (server) release(server);
      server = null;
    };
    client.on('error', () => finish(false));
    client.on('close', () => finish(true));
    client.on('data', (chunk: Buffer) => {
      const out: Buffer[] = [];
      reader.push(chunk, (type, body, raw) => {
        if (type === '') {
          const code = body.readUInt32BE(0);
          if (code === SSL_REQUEST || code === GSS_REQUEST) return void client.write('N');
          if (code === CANCEL_REQUEST) {
            cancel(body.subarray(4, 12));
            return void client.end();
          }
          reader.expectUntyped(false);
          starting = true;
          acquire().then(
            (lent) => {
              if (client.destroyed) return release(lent);
              server = lent;
              lent.client = client;
              const key = randomBytes(8);
              lendingKey = key.toString('hex');
              lendings.set(lendingKey, { server: lent, client });
              client.write(
                Buffer.concat([
                  message('R', int32(0)),
                  ...lent.greeting,
                  message('K', key),
                  message('Z', Buffer.from('I')),
                ]),
              );
            },
            (error: Error & { code?: string }) => {
              // The server's own SQLSTATE when it refused; 57P03 (cannot connect now) when it is
              // not there at all, which the app answers with its 503.
              const code = /^[0-9A-Z]{5}$/.test(error.code ?? '') ? error.code! : '57P03';
              client.end(
                errorResponse(
                  'FATAL',
                  code,
                  `the database is not accepting connections (${error.message})`,
                ),
              );
            },
          );
          return;
        }
        if (type === 'X') return finish(true);
        // Each of these is answered by exactly one ReadyForQuery.
        if (type === 'S' || type === 'Q' || type === 'F') {
          if (server) server.unanswered += 1;
        }
        out.push(raw);
      });
      if (out.length && server) server.socket.write(Buffer.concat(out));
      else if (out.length && starting) client.destroy(); // nothing may come before the handshake ends
    });
  }

  const listener = createServer(serve);
  const port = await new Promise<number>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', () => {
      const address = listener.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    close: () =>
      new Promise<void>((done) => {
        for (const client of clients) client.destroy();
        for (const server of [...idle]) discard(server);
        listener.close(() => done());
      }),
  };
}
