import { randomBytes } from 'node:crypto';
import { expect, test as base, type BrowserContext } from '@playwright/test';
import { createDb, type DbHandle } from '#db/client';
import { createAccount, markEmailConfirmed } from '~/auth/local/accounts.server';
import { hashPassword } from '~/auth/local/password.server';
import { createSession, SESSION_COOKIE, sessionHeaders } from '~/auth/local/sessions.server';
import { asServer } from '~/db.server';
import { makeContext } from '../../support/context';
import { uniqueEmail } from './app';

// Over plain http (the tests) the cookie has no __Host- prefix; over https it has.
const SESSION_COOKIE_NAMES = [SESSION_COOKIE, `__Host-${SESSION_COOKIE}`];

/** A confirmed account whose session cookie the browser already holds. */
export type Person = { id: string; email: string; password: string };

/** A password that passes every rule; each person gets it unless a test asks for another. */
export const PASSWORD = 'plum kettle orbit 42';

type Fixtures = {
  /**
   * Automatic in every test: gathers each Set-Cookie the app sends during it (pages, data
   * requests, downloads) and fails the test if any names a cookie other than the session cookie,
   * or if the browser ends up holding another (the privacy policy's "a single session cookie").
   */
  onlySessionCookie: void;
  /**
   * Automatic in every test: fails it if a page threw an error nobody caught, React's hydration
   * mismatches included (a page whose first render in the browser differs from the server's).
   */
  noPageErrors: void;
  /**
   * Starts a signed-in person without walking the sign-up pages: the account and its session are
   * made in the database by the app's own code, and the cookie is put in this test's browser.
   * Only the sign-up journey itself should go through the sign-up pages.
   */
  signedIn: (options?: { label?: string; password?: string }) => Promise<Person>;
};

/** The database the stack under test uses; test/e2e/run.ts passes its address. */
type WorkerFixtures = { database: DbHandle };

/** Playwright's `test` with JobTrack's fixtures; use it in place of @playwright/test's. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  // Each test is its own client to the per-client rate limits (Cloudflare's CF-Connecting-IP,
  // which wrangler dev passes through), so one test's sign-ins never count against the next's.
  // Playwright reads a fixture's dependencies from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ 'CF-Connecting-IP': `10.${[...randomBytes(3)].join('.')}` });
  },

  database: [
    // Playwright reads a fixture's dependencies from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const url = process.env.E2E_DATABASE_URL;
      if (!url)
        throw new Error('E2E_DATABASE_URL is not set: run the browser tests with npm run test:e2e');
      const handle = createDb(url);
      await provide(handle);
      await handle.close();
    },
    { scope: 'worker' },
  ],

  noPageErrors: [
    async ({ context }, provide) => {
      const errors: string[] = [];
      context.on('weberror', (error) =>
        errors.push(`${error.page()?.url() ?? 'a page'}: ${error.error().message}`),
      );
      await provide();
      expect(errors, 'errors thrown in the browser').toEqual([]);
    },
    { auto: true },
  ],

  onlySessionCookie: [
    async ({ context }, provide) => {
      const pending: Array<Promise<string[]>> = [];
      context.on('response', (response) => {
        pending.push(response.headerValues('set-cookie').catch(() => [] as string[]));
      });
      await provide();
      const names = (await Promise.all(pending))
        .flat()
        .flatMap((header) => header.split('\n'))
        .map((cookie) => cookie.split('=')[0]!.trim());
      const held = (await context.cookies()).map((cookie) => cookie.name);
      for (const name of [...names, ...held]) {
        expect(SESSION_COOKIE_NAMES, `a cookie named ${name}`).toContain(name);
      }
    },
    { auto: true },
  ],

  signedIn: async ({ database, context, baseURL }, provide) => {
    await provide(async ({ label = 'person', password = PASSWORD } = {}) => {
      const email = uniqueEmail(label);
      const { context: app } = makeContext(database);
      const passwordHash = await hashPassword(password);
      const { id, token } = await asServer(app, async (tx) => {
        const userId = await createAccount(tx, email, passwordHash);
        if (!userId) throw new Error(`${email} already has an account`);
        await markEmailConfirmed(tx, userId);
        return { id: userId, token: await createSession(tx, userId) };
      });
      await addSessionCookie(context, baseURL!, token);
      return { id, email, password };
    });
  },
});

export { expect };

/** Puts the session cookie in the browser exactly as the app's Set-Cookie would. */
async function addSessionCookie(context: BrowserContext, baseURL: string, token: string) {
  const setCookie = (await sessionHeaders(new Request(baseURL), token)).get('Set-Cookie') ?? '';
  const [pair = ''] = setCookie.split(';');
  const split = pair.indexOf('=');
  await context.addCookies([
    {
      name: pair.slice(0, split),
      value: pair.slice(split + 1),
      url: baseURL,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}
