import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { startServerAt, stopServerAt } from '../../db/embedded';
import { freePort } from '../../db/ports';
import { seedPerson } from '../../scripts/lib/seed';

// The database stops and starts again under a running `npm start`, exactly as a person runs it:
// pages that need data answer 503 with Retry-After while it is away, pages that need none still
// render, and everything works again once it is back, with nothing restarted by hand. One project
// is enough: this is about the server, not the browser's scripts.

test.describe.configure({ mode: 'serial' });

let app: ChildProcess | undefined;
let dataDir = '';
let pgPort = 0;
let baseUrl = '';
let cookie = '';

async function answering(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app?.exitCode !== null) {
      throw new Error(`npm start exited (${app?.exitCode}); see test-results/outage-npm-start.log`);
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200) return;
    } catch {}
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

// eslint-disable-next-line no-empty-pattern -- Playwright's way to reach testInfo in a hook
test.beforeAll(async ({}, info) => {
  test.skip(info.project.name !== 'no-js', 'runs once, in the no-js project');
  test.setTimeout(300_000);
  dataDir = mkdtempSync(join(tmpdir(), 'jobtrack-outage-pg-'));
  pgPort = await freePort();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // Its output goes to a file: when it exits early, that file says why.
  mkdirSync('test-results', { recursive: true });
  const log = openSync('test-results/outage-npm-start.log', 'w');
  app = spawn('npm', ['start'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      // Its own build folder, so a developer's running `npm start` (build/) is left alone.
      JOBTRACK_BUILD_DIR: '.cache/outage',
    },
  });
  await answering(`${baseUrl}/privacy`, 240_000);
  const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${pgPort}/jobtrack`, {
    max: 1,
    onnotice: () => {},
  });
  cookie = (await seedPerson(sql, 'outage@example.com')).cookie;
  await sql.end();
});

test.afterAll(async () => {
  if (!dataDir) return;
  if (app?.pid && app.exitCode === null) {
    const exited = new Promise((done) => app!.once('exit', done));
    process.kill(-app.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
    try {
      process.kill(-app.pid, 'SIGKILL');
    } catch {}
  }
  await stopServerAt(dataDir).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm start rides out a database restart: 503 with Retry-After while it is away, then the page', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await context.addCookies([{ ...parseCookie(cookie), url: baseUrl }]);

  const before = await page.goto(`${baseUrl}/applications`);
  expect(before?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();

  await stopServerAt(dataDir);

  const away = await page.goto(`${baseUrl}/applications`);
  expect(away?.status()).toBe(503);
  expect(await away?.headerValue('Retry-After')).toMatch(/^\d+$/);
  await expect(
    page.getByRole('heading', { name: 'JobTrack is having a short break' }),
  ).toBeVisible();

  // Pages that need no data still render while it is away.
  const privacy = await page.goto(`${baseUrl}/privacy`);
  expect(privacy?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Privacy');
  const missing = await page.goto(`${baseUrl}/no-such-page`);
  expect(missing?.status()).toBe(404);
  await context.clearCookies();
  const home = await page.goto(`${baseUrl}/`);
  expect(home?.status()).toBe(200);
  await context.addCookies([{ ...parseCookie(cookie), url: baseUrl }]);

  await startServerAt(dataDir, pgPort);

  // Nobody restarts anything: the next requests find the database again.
  await expect
    .poll(async () => (await page.goto(`${baseUrl}/applications`))?.status(), { timeout: 30_000 })
    .toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  expect(app?.exitCode).toBeNull();
});

function parseCookie(header: string) {
  const at = header.indexOf('=');
  return { name: header.slice(0, at), value: header.slice(at + 1) };
}
