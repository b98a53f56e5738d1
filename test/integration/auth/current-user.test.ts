import { randomUUID } from 'node:crypto';
import { createCookie, type AppLoadContext } from '@remix-run/cloudflare';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from '#db/client';
import { authFor } from '~/auth/auth.server';
import {
  AUTH_UNAVAILABLE,
  forClaimOr,
  getUser,
  getUserClaim,
  getUserClaimForForm,
  getUserForForm,
  getUserForPage,
  noteSignedOutForm,
  requireUser,
  requireUserClaim,
  requireUserClaimOrRefusedForm,
  requireUserOrRefusedForm,
  SessionEnded,
  type UserClaim,
} from '~/auth/current-user.server';
import { authUnavailable } from '~/auth/supabase/errors.server';
import { asUser } from '~/db.server';
import { makeContext } from '../../support/context';
import { setupTestDatabase } from '../../support/db';
import { formPost, get } from '../../support/http';
import { signedInUser, type TestUser } from '../../support/users';

// The guards every page and form goes through to learn who is asking, called directly with real
// requests on the local adapter and this file's database. The auth adapter is the real one; a test
// that needs the session read itself to fail (as the Supabase adapter's does when its service is
// down) swaps in a failing read for that one request.
vi.mock('~/auth/auth.server', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/auth/auth.server')>();
  return { authFor: vi.fn(real.authFor) };
});

const db = setupTestDatabase();
let base: AppLoadContext;
beforeAll(() => {
  base = makeContext(db.handle).context;
});

/** A fresh per-request context, as the Worker builds for each request. */
const newRequest = (): AppLoadContext => ({ ...base });

/** What a promise was rejected with; fails the test if it was not. */
async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (thrown: unknown) => ({ thrown }),
  );
  if (!('thrown' in outcome)) throw new Error(`Expected a throw, got ${String(outcome.resolved)}`);
  return outcome.thrown;
}

/** Where a thrown redirect sends the browser. */
async function redirectedTo(promise: Promise<unknown>) {
  const thrown = await thrownBy(promise);
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(302);
  return (thrown as Response).headers.get('Location');
}

/** Makes the next request's session read fail with `thrown`, as the Supabase adapter's can. */
function nextSessionReadThrows(thrown: unknown) {
  const real = vi.mocked(authFor).getMockImplementation()!;
  vi.mocked(authFor).mockImplementationOnce((context) => ({
    ...real(context),
    claim: () => Promise.reject(thrown as Error),
  }));
}

/** A person whose session has since ended (signed out elsewhere): the cookie is still sent. */
async function endedSession(): Promise<TestUser> {
  const person = await signedInUser(db, base);
  await db.admin`delete from jobtrack.sessions where user_id = ${person.id}`;
  return person;
}

const NO_COOKIE = {};
const MALFORMED = { cookie: 'jobtrack_session=not%20a%20session' };

// While the database is away the local adapter cannot confirm anyone: a calm 503 is thrown.
let down: DbHandle;
let downContext: () => AppLoadContext;
beforeAll(() => {
  down = createDb('postgres://postgres:postgres@127.0.0.1:1/jobtrack');
  downContext = () => ({ ...makeContext(down).context });
});
afterAll(() => down.close());
const someSessionCookie = async () =>
  (await createCookie('jobtrack_session').serialize(`${randomUUID()}.a-token`)).split(';')[0]!;
const quietOutage = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('getUser', () => {
  it('reads the session once per request, however many of its loaders ask', async () => {
    const person = await signedInUser(db, base);
    const request = newRequest();
    vi.mocked(authFor).mockClear();

    await getUser(get('/', { cookie: person.cookie }), request);
    await requireUserClaim(get('/applications', { cookie: person.cookie }), request);

    // Supabase's read may refresh the session, which must happen once, not once per loader.
    expect(authFor).toHaveBeenCalledTimes(1);
  });

  it('keeps the people of different cookies apart when one context is asked about both', async () => {
    const alice = await signedInUser(db, base);
    const bob = await signedInUser(db, base);
    const shared = newRequest();

    const first = await getUser(get('/', { cookie: alice.cookie }), shared);
    const second = await getUser(get('/', { cookie: bob.cookie }), shared);

    expect(first?.id).toBe(alice.id);
    expect(second?.id).toBe(bob.id);
  });
});

describe('getUserForForm', () => {
  it('answers AUTH_UNAVAILABLE, not an error page, when the session cannot be checked (a 503)', async () => {
    quietOutage();
    const context = downContext();

    expect(await getUserForForm(get('/', { cookie: await someSessionCookie() }), context)).toBe(
      AUTH_UNAVAILABLE,
    );
  });

  it('passes on any other failure unchanged: a Response that is not a 503, or an error', async () => {
    const notOutage = new Response('Internal error', { status: 500 });
    nextSessionReadThrows(notOutage);
    expect(await thrownBy(getUserForForm(get('/'), newRequest()))).toBe(notOutage);

    const bug = new TypeError('a bug');
    nextSessionReadThrows(bug);
    expect(await thrownBy(getUserForForm(get('/'), newRequest()))).toBe(bug);
  });
});

describe('requireUser', () => {
  it('sends a page request with no session to sign in, coming back to that page and its query', async () => {
    expect(await redirectedTo(requireUser(get('/applications?status=applied'), newRequest()))).toBe(
      '/signin?redirectTo=%2Fapplications%3Fstatus%3Dapplied',
    );
    expect(await redirectedTo(requireUser(get('/account', MALFORMED), newRequest()))).toBe(
      '/signin?redirectTo=%2Faccount',
    );
  });

  it('sends a form posted after the session ended to sign in, coming back to the list, not to the form', async () => {
    const ended = await endedSession();
    const post = formPost('/applications/new', { company: 'Acme' }, { cookie: ended.cookie });

    expect(await redirectedTo(requireUser(post, newRequest()))).toBe(
      '/signin?redirectTo=%2Fapplications',
    );
  });
});

describe('requireUserClaim', () => {
  it("sends a person whose session ended to sign in when the page's own query finds it over", async () => {
    const ended = await endedSession();
    const request = get('/applications/new?copy=1', { cookie: ended.cookie });
    const context = newRequest();
    const claim = await requireUserClaim(request, context);

    expect(await redirectedTo(asUser(context, claim, () => []))).toBe(
      '/signin?redirectTo=%2Fapplications%2Fnew%3Fcopy%3D1',
    );
  });
});

describe('getUserClaim', () => {
  it('answers the claim of a cookie, and null for no cookie or a malformed one', async () => {
    const person = await signedInUser(db, base);

    expect(await getUserClaim(get('/', { cookie: person.cookie }), newRequest())).toMatchObject({
      id: person.id,
    });
    expect(await getUserClaim(get('/'), newRequest())).toBeNull();
    expect(await getUserClaim(get('/', MALFORMED), newRequest())).toBeNull();
  });

  it("makes the page's query throw SessionEnded, not a redirect, when the session has ended", async () => {
    const ended = await endedSession();
    const context = newRequest();
    const claim = await getUserClaim(get('/', { cookie: ended.cookie }), context);

    expect(await thrownBy(asUser(context, claim!, () => []))).toBeInstanceOf(SessionEnded);
  });
});

describe('getUserClaimForForm', () => {
  it('answers AUTH_UNAVAILABLE when the session read answers a 503', async () => {
    nextSessionReadThrows(authUnavailable());

    expect(await getUserClaimForForm(get('/'), newRequest())).toBe(AUTH_UNAVAILABLE);
  });

  it('passes on any other failure unchanged: a Response that is not a 503, or an error', async () => {
    const notOutage = new Response('Internal error', { status: 500 });
    nextSessionReadThrows(notOutage);
    expect(await thrownBy(getUserClaimForForm(get('/'), newRequest()))).toBe(notOutage);

    const bug = new TypeError('a bug');
    nextSessionReadThrows(bug);
    expect(await thrownBy(getUserClaimForForm(get('/'), newRequest()))).toBe(bug);
  });
});

// A form refused because its session ended (noteSignedOutForm) is shown again by the page's
// loader in the same request, instead of a redirect that would throw away what was typed.
describe.each([
  ['requireUserClaimOrRefusedForm', requireUserClaimOrRefusedForm],
  ['requireUserOrRefusedForm', requireUserOrRefusedForm],
] as const)('%s', (_, guard) => {
  it('answers the person of a live session when no form was refused', async () => {
    const person = await signedInUser(db, base);

    expect(
      await guard(get('/applications/new', { cookie: person.cookie }), newRequest()),
    ).toMatchObject({ id: person.id });
  });

  it('sends a request with no session to sign in when no form was refused', async () => {
    expect(await redirectedTo(guard(get('/applications/new'), newRequest()))).toBe(
      '/signin?redirectTo=%2Fapplications%2Fnew',
    );
  });

  it('answers null, so the refused form is shown again, when its session has ended', async () => {
    const ended = await endedSession();
    const context = newRequest();
    noteSignedOutForm(context);

    expect(await guard(get('/applications/new', { cookie: ended.cookie }), context)).toBeNull();
  });

  it('answers null when the form was refused for having no session at all', async () => {
    const context = newRequest();
    noteSignedOutForm(context);

    expect(await guard(get('/applications/new'), context)).toBeNull();
  });

  it('answers null, not an error page, when the form was refused while the session could not be checked', async () => {
    quietOutage();
    const context = downContext();
    noteSignedOutForm(context);

    expect(
      await guard(get('/applications/new', { cookie: await someSessionCookie() }), context),
    ).toBeNull();
  });

  it("answers the person when the refused form's session turns out to be live", async () => {
    const person = await signedInUser(db, base);
    const context = newRequest();
    noteSignedOutForm(context);

    expect(await guard(get('/applications/new', { cookie: person.cookie }), context)).toMatchObject(
      { id: person.id },
    );
  });

  it('notes a refusal for its own request only', async () => {
    const refused = newRequest();
    noteSignedOutForm(refused);

    expect(await redirectedTo(guard(get('/applications/new'), newRequest()))).toBe(
      '/signin?redirectTo=%2Fapplications%2Fnew',
    );
  });
});

describe('requireUserClaimOrRefusedForm', () => {
  it("leaves an ended session, with no form refused, to the page's own query (no round trip here)", async () => {
    const ended = await endedSession();

    expect(
      await requireUserClaimOrRefusedForm(
        get('/applications/new', { cookie: ended.cookie }),
        newRequest(),
      ),
    ).toMatchObject({ id: ended.id });
  });
});

describe('forClaimOr', () => {
  const read = (context: AppLoadContext) => (user: UserClaim) =>
    asUser(context, user, () => []).then(() => `the page of ${user.id}`);
  const signedOut = () => 'the signed-out page';

  it("answers `read`'s answer for a live session", async () => {
    const person = await signedInUser(db, base);
    const context = newRequest();

    expect(
      await forClaimOr(
        get('/statements', { cookie: person.cookie }),
        context,
        read(context),
        signedOut,
      ),
    ).toBe(`the page of ${person.id}`);
  });

  it('answers the signed-out page for no cookie, a malformed one, or a session `read` finds ended', async () => {
    const ended = await endedSession();
    for (const sender of [NO_COOKIE, MALFORMED, { cookie: ended.cookie }]) {
      const context = newRequest();
      expect(await forClaimOr(get('/statements', sender), context, read(context), signedOut)).toBe(
        'the signed-out page',
      );
    }
  });

  it("passes on `read`'s other failures", async () => {
    const person = await signedInUser(db, base);
    const failure = new Error('the query failed');

    const thrown = await thrownBy(
      forClaimOr(
        get('/statements', { cookie: person.cookie }),
        newRequest(),
        () => Promise.reject(failure),
        signedOut,
      ),
    );

    expect(thrown).toBe(failure);
  });
});

describe('getUserForPage', () => {
  it('answers the person of a live session, or null', async () => {
    const person = await signedInUser(db, base);

    expect(await getUserForPage(get('/', { cookie: person.cookie }), newRequest())).toMatchObject({
      id: person.id,
    });
    expect(await getUserForPage(get('/'), newRequest())).toBeNull();
  });

  it('lets the 503 through when the session cannot be checked and no form was refused', async () => {
    quietOutage();

    const thrown = await thrownBy(
      getUserForPage(get('/', { cookie: await someSessionCookie() }), downContext()),
    );

    expect((thrown as Response).status).toBe(503);
  });

  it('answers null, so the refused form renders, when the session cannot be checked', async () => {
    quietOutage();
    const context = downContext();
    noteSignedOutForm(context);

    expect(
      await getUserForPage(get('/', { cookie: await someSessionCookie() }), context),
    ).toBeNull();
  });

  it("answers the person when a refused form's session turns out to be live", async () => {
    const person = await signedInUser(db, base);
    const context = newRequest();
    noteSignedOutForm(context);

    expect(await getUserForPage(get('/', { cookie: person.cookie }), context)).toMatchObject({
      id: person.id,
    });
  });
});
