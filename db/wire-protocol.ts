/**
 * Just enough of the PostgreSQL frontend/backend protocol (v3) for the local pool and the test
 * suite's wire counter: splitting a byte stream into messages, and building the few messages they
 * send themselves.
 */

/** Request codes that take the place of a startup message's protocol version. */
export const SSL_REQUEST = 80877103;
export const GSS_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
export const PROTOCOL_3 = 196608;

/** Splits a byte stream into messages across chunk boundaries; the first may be untyped. */
export class MessageReader {
  private pending: Buffer = Buffer.alloc(0);

  /** `untyped`: the next message has no type byte (a client's startup or SSL request). */
  constructor(private untyped: boolean) {}

  /** Feeds a chunk; calls `onMessage` for each whole message ('' as the type when untyped). */
  push(chunk: Buffer, onMessage: (type: string, body: Buffer, raw: Buffer) => void) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const head = this.untyped ? 0 : 1;
      if (this.pending.length < head + 4) return;
      const length = this.pending.readUInt32BE(head);
      if (this.pending.length < head + length) return;
      const raw = this.pending.subarray(0, head + length);
      const type = this.untyped ? '' : String.fromCharCode(raw[0]!);
      this.pending = this.pending.subarray(head + length);
      onMessage(type, raw.subarray(head + 4), raw);
    }
  }

  /** Whether the next message will be untyped (after an SSL request refused, say). */
  expectUntyped(value: boolean) {
    this.untyped = value;
  }

  /** Takes one raw byte (a server's 'S' or 'N' answer to an SSL request), if one is there. */
  takeByte(): number | undefined {
    if (this.pending.length === 0) return undefined;
    const byte = this.pending[0]!;
    this.pending = this.pending.subarray(1);
    return byte;
  }

  /** Bytes received but not yet a whole message. */
  get buffered() {
    return this.pending.length;
  }
}

/** A typed message: its type byte, then its length and body. */
export function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A NUL-terminated string, as the protocol writes strings. */
export const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');

/** An int32 in network order. */
export function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

/** A startup message (protocol 3.0) with the given parameters (user, database, …). */
export function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([
    int32(PROTOCOL_3),
    ...Object.entries(parameters).flatMap(([k, v]) => [cstring(k), cstring(v)]),
    Buffer.from([0]),
  ]);
  return Buffer.concat([int32(body.length + 4), body]);
}

/** An ErrorResponse a client reads like the server's own (severity, SQLSTATE, message). */
export function errorResponse(severity: string, code: string, text: string): Buffer {
  return message(
    'E',
    Buffer.concat([
      Buffer.from('S'),
      cstring(severity),
      Buffer.from('V'),
      cstring(severity),
      Buffer.from('C'),
      cstring(code),
      Buffer.from('M'),
      cstring(text),
      Buffer.from([0]),
    ]),
  );
}

/** The fields of an ErrorResponse body, by their one-letter codes. */
export function errorFields(body: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < body.length && body[at] !== 0) {
    const code = String.fromCharCode(body[at]!);
    const end = body.indexOf(0, at + 1);
    fields[code] = body.toString('utf8', at + 1, end);
    at = end + 1;
  }
  return fields;
}
