import type { AppLoadContext } from '@remix-run/cloudflare';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  asServer,
  asUser,
  checkedClaim,
  databaseUnavailable,
  personId,
  RETRY_AFTER_SECONDS,
  SessionEnded,
} from '~/db.server';

// How each wrapper sorts a failure: an outage (the calm 503) or a real error (rethrown as it is).
// The database is replaced by one that fails with the given error, shaped as postgres.js and
// Node shape theirs; test/integration/database-outage.test.ts does the same against PostgreSQL.

function failingWith(error: unknown) {
  const fail = () => Promise.reject(error);
  return {
    config: { authMode: 'local', statementTimeoutMs: 5000 },
    // Both wrappers reserve a connection for their pipelined transaction first.
    db: { $client: { reserve: fail } },
  } as unknown as AppLoadContext;
}

const postgresError = (code: string, message = 'from the server') =>
  Object.assign(new Error(message), { name: 'PostgresError', code });
// The message says nothing of networks, so that only the code can make it an outage.
const nodeError = (code: string, message = 'gave up') =>
  Object.assign(new Error(message), { code });

const wrappers = {
  asUser: (context: AppLoadContext) => asUser(context, 'someone', async () => 'done'),
  asServer: (context: AppLoadContext) => asServer(context, async () => 'done'),
};

const settle = (promise: Promise<unknown>) => promise.catch((thrown: unknown) => thrown);

describe('database failures', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['08006', 'connection failure'],
    ['08001', 'could not connect'],
    ['53300', 'too many connections'],
    ['57014', 'statement timeout'],
    ['57P01', 'administrator shutdown'],
    ['58030', 'I/O error'],
  ])('treat PostgreSQL %s (%s) as an outage in every wrapper', async (code) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [name, run] of Object.entries(wrappers)) {
      const outcome = await settle(run(failingWith(postgresError(code))));
      expect(outcome, name).toBeInstanceOf(Response);
      expect((outcome as Response).status, name).toBe(503);
    }
    expect(warn).toHaveBeenCalledWith(
      'Database unavailable:',
      expect.stringMatching(/ from the server$/),
    );
  });

  it.each(['23505', '42501', '22P02', '40001', '0A000'])(
    'rethrow PostgreSQL %s unchanged: a real error, not an outage',
    async (code) => {
      const error = postgresError(code);
      for (const run of Object.values(wrappers)) {
        expect(await settle(run(failingWith(error)))).toBe(error);
      }
    },
  );

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED'])(
    'treat a socket failure (%s) as an outage',
    async (code) => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const outcome = await settle(wrappers.asUser(failingWith(nodeError(code))));
      expect((outcome as Response).status).toBe(503);
    },
  );

  // ERR_INVALID_ARG_TYPE: Node's own code for a bug in the calling code, not an outage.
  it.each(['E2BIG-ish', 'econnrefused', 'CONNECTIONS', 'XCONNECT_TIMEOUT', 'ERR_INVALID_ARG_TYPE'])(
    'do not mistake a code that only looks like a socket failure (%s) for one',
    async (code) => {
      const error = nodeError(code, 'something else');
      expect(await settle(wrappers.asUser(failingWith(error)))).toBe(error);
    },
  );

  it.each(['network is down', 'Socket hang up', 'connection lost', 'read timed out', 'timeout'])(
    'treat an error that says "%s", with no cause behind it, as an outage',
    async (message) => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const outcome = await settle(wrappers.asUser(failingWith(new Error(message))));
      expect((outcome as Response).status).toBe(503);
    },
  );

  it('look behind a wrapper (Drizzle wraps the driver’s error) for the real cause', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const outage = new Error('Failed query: select 1', { cause: nodeError('ECONNREFUSED') });
    const real = postgresError('23505');
    const wrappedReal = new Error('Failed query: insert …', { cause: real });

    expect(((await settle(wrappers.asUser(failingWith(outage)))) as Response).status).toBe(503);
    expect(await settle(wrappers.asUser(failingWith(wrappedReal)))).toBe(wrappedReal);
  });

  it('judge a wrapped connection-sounding message by its cause, not its wording', async () => {
    const error = new Error('connection string was fine, the query was not', {
      cause: postgresError('42P01'),
    });
    expect(await settle(wrappers.asUser(failingWith(error)))).toBe(error);
  });

  it('rethrow anything that is not an error object as it is', async () => {
    for (const thrown of ['a string', 42, null]) {
      expect(await settle(wrappers.asUser(failingWith(thrown)))).toBe(thrown);
    }
  });

  it('pass a Response thrown inside the work straight through', async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: '/signin' } });
    expect(await settle(wrappers.asServer(failingWith(redirect)))).toBe(redirect);
  });
});

describe('the outage answer', () => {
  it('is a 503 that says so and asks the browser to come back in a few seconds', async () => {
    const response = databaseUnavailable();
    expect(response.status).toBe(503);
    expect(response.statusText).toBe('Service Unavailable');
    expect(response.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(RETRY_AFTER_SECONDS).toBe(5);
    expect(await response.text()).toBe('The database is not answering right now.');
  });
});

describe('a session check that meets an outage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is logged once, and whoever shares the check (the root loader) gets the same calm 503', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const context = failingWith(postgresError('08006'));
    const claim = {
      id: '00000000-0000-4000-8000-000000000001',
      check: sql`select null`,
      signedOut: () => new SessionEnded(),
    };
    const page = await settle(asUser(context, claim, async () => 'done'));
    expect((page as Response).status).toBe(503);
    const shared = await settle(checkedClaim(context, claim)!);
    expect((shared as Response).status).toBe(503);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('personId', () => {
  it('is the id a trusted caller passes, or the id a claim names', () => {
    const id = '00000000-0000-4000-8000-000000000002';
    expect(personId(id)).toBe(id);
    expect(personId({ id, check: sql`select null`, signedOut: () => null })).toBe(id);
  });
});

describe('SessionEnded', () => {
  it('names itself in logs', () => {
    const ended = new SessionEnded();
    expect([ended.name, ended.message]).toEqual(['SessionEnded', 'The session has ended']);
  });
});
