// Requests through the Worker's own fetch (server.ts), as a browser sends them: the Origin check,
// the per-request database client, Remix's request handler with the root error boundary, and the
// security headers all run, as deployed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '#db/ports';
import { RETRY_AFTER_SECONDS } from '~/db.server';
import { makeContext } from '../../support/context';
import { otherConnections, setupTestDatabase } from '../../support/db';
import { ORIGIN } from '../../support/http';
import { allRows } from '../../support/rows';
import { signedInUser, type TestUser } from '../../support/users';
import { fetchWorker } from '../../support/worker';

const db = setupTestDatabase();
let me: TestUser;

beforeAll(async () => {
  me = await signedInUser(db, makeContext(db.handle).context);
});

afterAll(async () => {
  const { closeServerBuild } = await import('../../support/server-build');
  await closeServerBuild();
});

function send(
  method: string,
  path: string,
  {
    cookie,
    origin = ORIGIN,
    form,
  }: { cookie?: string; origin?: string | null; form?: Record<string, string> } = {},
) {
  // workerd always hands the Worker a Host header; Remix compares it with Origin on actions.
  const headers = new Headers({ Host: new URL(ORIGIN).host });
  if (origin) headers.set('Origin', origin);
  if (cookie) headers.set('Cookie', cookie);
  const body = form ? new URLSearchParams(form) : undefined;
  if (body) headers.set('Content-Type', 'application/x-www-form-urlencoded');
  return new Request(new URL(path, ORIGIN), { method, headers, body });
}

const worker = (request: Request, env?: Partial<Env>) => fetchWorker(request, db.url, env);
const application = { company: 'Forged Ltd', role: 'Planted role', status: 'saved' };

describe('the Origin check in the Worker', () => {
  it('lets a same-origin form through to the route', async () => {
    const answer = await worker(
      send('POST', '/applications/new', { cookie: me.cookie, form: application }),
    );

    expect(answer.status).toBe(302);
    expect(answer.headers.get('Location')).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    const [row] =
      await db.admin`select company from jobtrack.applications where user_id = ${me.id}`;
    expect(row?.company).toBe('Forged Ltd');
    await db.admin`delete from jobtrack.applications where user_id = ${me.id}`;
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['no Origin at all', null],
  ])('refuses a signed-in form sent from %s with 403, before any route runs', async (_, origin) => {
    const before = await allRows(db.admin);

    const answer = await worker(
      send('POST', '/applications/new', { cookie: me.cookie, origin, form: application }),
    );

    expect(answer.status).toBe(403);
    expect(answer.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(answer.body).toBe('Forbidden: this form must be sent from JobTrack itself.');
    expect(answer.headers.get('X-Frame-Options')).toBe('DENY');
    expect(await allRows(db.admin)).toEqual(before);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('refuses a %s from another site with 403', async (method) => {
    const [row] = await db.admin<{ id: string }[]>`
      insert into jobtrack.applications (user_id, company, role) values (${me.id}, 'Kept', 'Role')
      returning id`;
    const before = await allRows(db.admin);

    const answer = await worker(
      send(method, `/applications/${row!.id}/delete`, {
        cookie: me.cookie,
        origin: 'https://evil.example',
      }),
    );

    expect(answer.status).toBe(403);
    expect(await allRows(db.admin)).toEqual(before);
  });

  it('never blocks a GET, whatever its Origin', async () => {
    const answer = await worker(send('GET', '/signin', { origin: 'https://evil.example' }));
    expect(answer.status).toBe(200);
  });
});

describe('every answer from the Worker', () => {
  it('carries the security headers and a fresh nonce that every inline script uses', async () => {
    const nonces = new Set<string>();
    for (const path of ['/signin', '/signin', '/privacy']) {
      const answer = await worker(send('GET', path));
      expect(answer.status, path).toBe(200);
      const csp = answer.headers.get('Content-Security-Policy') ?? '';
      const nonce = /'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
      expect(nonce, csp).toBeDefined();
      nonces.add(nonce!);
      const inline = (answer.body.match(/<script\b[^>]*>/g) ?? []).filter((t) => !/\bsrc=/.test(t));
      expect(inline.length, `inline scripts on ${path}`).toBeGreaterThan(0);
      for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
      expect(answer.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(answer.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    }
    expect(nonces.size).toBe(3);
  });

  it('lets pages reach the analytics host only when the Worker is configured with one', async () => {
    // Secrets, not in wrangler.toml's generated Env.
    const analytics = { POSTHOG_KEY: 'phc_test', POSTHOG_HOST: 'https://eu.i.posthog.com' };
    const configured = await worker(send('GET', '/privacy'), analytics as Partial<Env>);
    expect(configured.headers.get('Content-Security-Policy')).toContain(
      "connect-src 'self' https://eu.i.posthog.com;",
    );
    const plain = await worker(send('GET', '/privacy'));
    expect(plain.headers.get('Content-Security-Policy')).toContain("connect-src 'self';");
  });
});

describe('the per-request database client', () => {
  const others = () => otherConnections(db.admin);

  it('is closed once the answer has gone, so no connection outlives its request', async () => {
    const before = await others();
    const answer = await worker(send('GET', '/applications', { cookie: me.cookie }));
    expect(answer.status).toBe(200);
    // The backend ends a moment after the client's Terminate message.
    await expect.poll(others, { timeout: 3_000 }).toBe(before);
  });

  it('is not even made for a page that reads nothing', async () => {
    // A connection string postgres.js cannot parse: making a client with it throws.
    const unusable = (request: Request) => fetchWorker(request, 'not a database address');
    expect((await unusable(send('GET', '/privacy'))).status).toBe(200);
    expect((await unusable(send('GET', '/'))).status).toBe(200);
    // A page that reads does make one, and fails with it.
    const failed = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await unusable(send('GET', '/applications', { cookie: me.cookie }))).status).toBe(500);
    expect(failed).toHaveBeenCalled();
    failed.mockRestore();
  });
});

describe('error pages', () => {
  it('renders the calm 503 page, with Retry-After, when the database cannot be reached', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const nobody = `postgres://postgres:postgres@127.0.0.1:${await freePort()}/jobtrack`;

    const answer = await fetchWorker(send('GET', '/applications', { cookie: me.cookie }), nobody);

    expect(answer.status).toBe(503);
    expect(answer.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(answer.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('<title>JobTrack is having a short break · JobTrack</title>');
    expect(answer.body).toContain('Nothing you saved has been lost.');
    expect(answer.body).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    expect(warn).toHaveBeenCalledWith('Database unavailable:', expect.any(String));
    warn.mockRestore();
  });

  it('keeps an ordinary database error (a unique violation) a 500, not a 503', async () => {
    // A real error from PostgreSQL, SQLSTATE 23505, on the next insert into applications.
    await db.admin.unsafe(`
      create function jobtrack.refuse_insert() returns trigger language plpgsql as $$
      begin raise exception 'duplicate key value' using errcode = 'unique_violation'; end $$;
      create trigger refuse_insert before insert on jobtrack.applications
        for each row execute function jobtrack.refuse_insert();`);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const answer = await worker(
        send('POST', '/applications/new', { cookie: me.cookie, form: application }),
      );

      expect(answer.status).toBe(500);
      expect(answer.headers.get('Retry-After')).toBeNull();
      expect(answer.body).toContain('<title>Something went wrong · JobTrack</title>');
      expect(answer.body).not.toContain('duplicate key value');
      // Logged by its code, without the query's values (what the person typed).
      expect(error).toHaveBeenCalledWith(
        'Request failed:',
        'PostgresError 23505: duplicate key value',
      );
      expect(JSON.stringify(error.mock.calls)).not.toContain(application.company);
    } finally {
      error.mockRestore();
      await db.admin.unsafe(`drop trigger refuse_insert on jobtrack.applications;
        drop function jobtrack.refuse_insert();`);
    }
  });

  it('renders the 400 page for a form body that cannot be read', async () => {
    const request = new Request(new URL('/applications/new', ORIGIN), {
      method: 'POST',
      headers: {
        Host: new URL(ORIGIN).host,
        Origin: ORIGIN,
        Cookie: me.cookie,
        'Content-Type': 'multipart/form-data',
      },
      body: 'no boundary here',
    });

    const answer = await worker(request);

    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<title>That did not work · JobTrack</title>');
    expect(answer.body).toContain('We could not read what was sent.');
  });

  it('renders a page that sends the person back to their typing for a form past the size the server reads', async () => {
    // Fields draw no maxlength (constraint.ts), so without JavaScript a huge paste can get here.
    const notes = 'Band 5 Staff Nurse, Ward 12. '.repeat(20_000);
    const form = { company: 'NHS', role: 'Nurse', notes };

    const answer = await worker(send('POST', '/applications/new', { cookie: me.cookie, form }));

    expect(answer.status).toBe(413);
    expect(answer.body).toContain('<title>That was too long to send · JobTrack</title>');
    expect(answer.body).toContain('your browser keeps what you typed in the form');
  });
});

describe('pages a GET must not change', () => {
  it('/signout shows the button and signs nobody out', async () => {
    const before = await allRows(db.admin);

    const answer = await worker(send('GET', '/signout', { cookie: me.cookie }));

    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Sign out of JobTrack on this device?');
    expect(answer.headers.get('Set-Cookie')).toBeNull();
    expect(await allRows(db.admin)).toEqual(before);
    // Still signed in: the header offers to sign out, not to sign in.
    const home = await worker(send('GET', '/', { cookie: me.cookie }));
    expect(home.body).toContain('<title>Dashboard · JobTrack</title>');
  });
});

describe('public forms', () => {
  it.each(['/signup', '/signin', '/magic-link', '/forgot-password'])(
    '%s carries the honeypot field, hidden from people',
    async (path) => {
      const answer = await worker(send('GET', path));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(
        /<div class="honeypot" aria-hidden="true"><label for="website">[^<]+<\/label><input id="website" name="website" type="text" tabindex="-1" autoComplete="off"\/><\/div>/,
      );
    },
  );
});
