/**
 * `npm run bench`: measured, not asserted. Prints the Worker's upload size, the JavaScript each
 * page ships, and, for an account with 10,000 applications, the server time of the list, search,
 * board, stats and job-search log pages next to a static page, the database round trips each page
 * makes, the plan of the log's indexed filter, a 5,000-row CSV import (time, workerd's peak memory,
 * round trips), guest mode's list with 1,000 applications in Chromium, and the delay the Statement
 * Builder adds to Claude's words (against a fake Anthropic). Everything runs on loopback against a
 * throwaway embedded PostgreSQL. `npm run bench -- --statements` measures only the last;
 * `--csv-import` only the CSV import; `--guest` only guest mode's list; `--supabase-session` only
 * what reading the session costs in Supabase mode (against a fake).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createCookie } from '@remix-run/cloudflare';
import postgres from 'postgres';
import { COMMON_PASSWORDS } from '../app/auth/common-passwords';
import { addDays, todayInLondon } from '../app/applications/dates';
import { sha256 } from '../app/auth/hashing.server';
import { logCsvHref } from '../app/job-search-log/log-query';
import { startFakeAnthropic, type FakeAnthropic } from '../test/e2e/support/fake-anthropic';
import { run, startStack, stopAllStacks } from '../test/e2e/support/stack';
import { startWireCounter, type WireCounter, type WireCounts } from '../test/support/wire-counter';
import { measureCsvImport, type ImportStep } from './lib/csv-import';
import { measureGuestList } from './lib/guest-list';
import { measurePageJs } from './lib/page-js';
import { measureStatementLatency } from './lib/statement-latency';
import { measureSupabaseSession } from './lib/supabase-session';

const APPLICATIONS = 10_000;
const CSV_ROWS = 5_000;
// Held back per answer while counting, as a distant database would (see wire-counter.ts).
const COUNTING_LATENCY_MS = 5;
const WARM_UP = 10;
const SAMPLES = 50;
const DRAFTS = 20;
let fake: FakeAnthropic | undefined;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(
    [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'),
  );
}

function uploadSize() {
  const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist'], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(output);
  if (result.status !== 0 || !match)
    throw new Error(`wrangler deploy --dry-run failed:\n${output}`);
  return { raw: `${match[1]} KiB`, gzip: `${match[2]} KiB` };
}

/**
 * What the common-password list adds to the Worker upload: the bundle `wrangler deploy --dry-run`
 * wrote, measured with and without the list's text (raw, and gzipped as wrangler reports it).
 */
function commonPasswordShare() {
  const bundle = readFileSync('dist/server.js', 'utf8');
  const words = COMMON_PASSWORDS.split('\n');
  const start = bundle.indexOf(`${words[0]}\n${words[1]}`);
  const last = words.at(-1)!;
  const end = bundle.indexOf(last, start) + last.length;
  if (start < 0 || end < start)
    throw new Error('the common-password list is not in dist/server.js');
  const without = bundle.slice(0, start) + bundle.slice(end);
  return {
    count: words.length,
    raw: Buffer.byteLength(bundle) - Buffer.byteLength(without),
    gzip: gzipSync(bundle).length - gzipSync(without).length,
  };
}

/** One confirmed user with 10,000 UK applications and a live session; returns the Cookie header. */
async function seed(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<{ id: string }[]>`
      insert into auth.users (email, email_confirmed_at) values ('bench@example.com', now()) returning id`;
    // A mix like a long search's: NHS bands, Civil Service grades, universities and private firms,
    // closing dates a month either side of today, salaries as from/to in pounds.
    await sql`
      insert into jobtrack.applications
        (user_id, company, role, status, date_applied, closing_date, closing_time, may_close_early,
         location, reference, grade, salary_min, salary_max, salary_note, source, notes,
         created_at, updated_at)
      select ${user!.id},
        (array['Leeds Teaching Hospitals NHS Trust', 'Department for Work and Pensions',
               'HM Revenue and Customs', 'University of Sheffield', 'Greggs plc', 'Monzo Bank'])[1 + g % 6]
          || ' ' || g,
        (array['Staff Nurse', 'Executive Officer', 'Higher Executive Officer', 'Research Associate',
               'Marketing Executive', 'Software Engineer'])[1 + g % 6],
        (enum_range(null::jobtrack.application_status))[1 + g % 8],
        current_date - (g % 300), current_date + (g % 60) - 30,
        case when g % 6 in (1, 2) then time '23:55' end, g % 5 = 0,
        (array['Leeds', 'Sheffield', 'Newcastle', 'London', 'Cardiff', 'Glasgow'])[1 + g % 6],
        'C9174-' || lpad(g::text, 6, '0'),
        (array['Band 5', 'EO', 'HEO', 'Grade 7', null, null])[1 + g % 6],
        29970 + (g % 6) * 2000, 36483 + (g % 6) * 2000,
        case when g % 7 = 0 then 'pro rata' end,
        (array['NHS Jobs', 'Civil Service Jobs', 'jobs.ac.uk', 'LinkedIn'])[1 + g % 4],
        repeat('A line of notes. ', 40),
        now() - g * interval '1 hour', now() - g * interval '1 hour'
      from generate_series(1, ${APPLICATIONS}) g`;
    await sql`
      insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at)
      select id, user_id, null, status, created_at from jobtrack.applications where user_id = ${user!.id}`;
    // Those past Applied were sent first: a second history row, as the stats page reads it.
    await sql`
      insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at)
      select id, user_id, 'applied', status, created_at + interval '9 days' from jobtrack.applications
      where user_id = ${user!.id} and status not in ('saved', 'applied')`;
    await sql`analyze`;
    const token = 'bench-session-token-' + crypto.randomUUID();
    await sql`
      insert into jobtrack.sessions (token_hash, user_id, expires_at)
      values (${await sha256(token)}, ${user!.id}, now() + interval '1 day')`;
    const [app] = await sql<{ id: string }[]>`
      select id from jobtrack.applications where user_id = ${user!.id} order by updated_at desc limit 1`;
    // Serialised exactly as the app's cookie is (Remix's encoding of the token).
    const cookie = (await createCookie('jobtrack_session').serialize(token)).split(';')[0]!;
    return { cookie, applicationId: app!.id };
  } finally {
    await sql.end();
  }
}

async function timeGet(url: string, cookie?: string) {
  const started = performance.now();
  const response = await fetch(url, {
    headers: cookie ? { Cookie: cookie } : {},
    redirect: 'manual',
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return elapsed;
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Median, p90 and minimum of `samples` sequential GETs of each page, interleaved with the others. */
async function timePages(urls: Array<[string, string, string | undefined]>) {
  for (let i = 0; i < WARM_UP; i++) for (const [, url, cookie] of urls) await timeGet(url, cookie);
  const times = urls.map((): number[] => []);
  // Interleaved, one request at a time, so drift and noise hit every page alike.
  for (let i = 0; i < SAMPLES; i++)
    for (const [n, [, url, cookie]] of urls.entries()) times[n]!.push(await timeGet(url, cookie));
  return times;
}

/** What one GET costs in database traffic: connections, round trips, statements. */
async function countGet(counter: WireCounter, url: string, cookie?: string) {
  await counter.idle();
  counter.reset();
  await timeGet(url, cookie);
  // The Worker ends its client after answering (waitUntil): wait for it, so nothing is missed.
  await counter.idle();
  return counter.counts();
}

const onlyStatements = process.argv.includes('--statements');
const onlyCsvImport = process.argv.includes('--csv-import');
const onlySupabaseSession = process.argv.includes('--supabase-session');
const onlyGuest = process.argv.includes('--guest');

/** Prints what reading the session costs per request in Supabase mode, getClaims against getUser. */
async function supabaseSession() {
  const result = await measureSupabaseSession(200);
  console.log(
    '\nSupabase mode, reading who is signed in (fresh client per request, fake Auth on loopback, 200 calls):',
  );
  table(
    ['Check', 'Median', 'p90', 'Requests to Supabase'],
    (['getClaims', 'getUser'] as const).map((name) => [
      name,
      ms(result[name].median),
      ms(result[name].p90),
      result[name].requests.toFixed(2),
    ]),
  );
}

async function main() {
  if (onlySupabaseSession) return supabaseSession();
  await run('npx', ['remix', 'vite:build']);
  const upload =
    onlyStatements || onlyCsvImport || onlyGuest
      ? null
      : { ...uploadSize(), passwords: commonPasswordShare() };
  fake = await startFakeAnthropic();
  // The Worker reaches the database through a wire counter: held back 0 ms while timing (a
  // loopback hop, on every database page alike), 5 ms while counting round trips.
  let counter: WireCounter | undefined;
  const stack = await startStack({
    build: false,
    quiet: true,
    workerEnv: {
      ANTHROPIC_API_KEY: 'sk-ant-bench-fake',
      ANTHROPIC_BASE_URL: fake.url,
      STATEMENT_GENERATIONS_PER_HOUR: '1000',
    },
    route: async (databaseUrl) => {
      const url = new URL(databaseUrl);
      counter = await startWireCounter(
        { host: url.hostname, port: Number(url.port) },
        { latencyMs: 0 },
      );
      return counter.urlFor(databaseUrl);
    },
  });
  if (!onlyStatements && !onlyCsvImport) await guestList(stack.baseUrl);
  if (onlyGuest) return;
  const { cookie, applicationId } = await seed(stack.databaseUrl);
  if (onlyCsvImport) {
    await csvImport(stack, counter!);
    await counter!.close();
    return;
  }
  if (upload) {
    await pagesAndLists(stack.baseUrl, counter!, cookie, applicationId, upload);
    await logIndexPlan(stack.databaseUrl);
    await csvImport(stack, counter!);
  }

  // The Worker still reaches the database through the counter: closing it first broke this part.
  counter!.setLatency(0);
  const latency = await measureStatementLatency({
    baseUrl: stack.baseUrl,
    fakeUrl: fake.url,
    cookie,
    runs: DRAFTS,
    warmUp: 3,
  });
  console.log(
    `\nStatement Builder, ${DRAFTS} drafts in Chromium (JavaScript on) against the fake Anthropic, after 3 warm-ups:`,
  );
  table(
    ['Delay the app adds', 'Median', 'p90', 'Min'],
    [
      ['Upstream first word → words painted in the browser', ...stats(latency.firstWords)],
      ['Upstream last word → browser shows the version saved', ...stats(latency.saved)],
    ],
  );
  await counter!.close();
}

/** The last 366 days as the log's form writes them in its URL. */
function yearRange() {
  const to = todayInLondon();
  return logCsvHref({ from: addDays(to, -365), to }).split('?')[1]!;
}

/**
 * The plan PostgreSQL picks for the log's filter on the 10,000-application account: the same
 * expression as app/job-search-log/log.server.ts (its integration test EXPLAINs the real query).
 */
async function logIndexPlan(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<
      { id: string }[]
    >`select id from auth.users where email = 'bench@example.com'`;
    const today = todayInLondon();
    const plan = await sql.unsafe(
      `explain select id from jobtrack.status_changes where user_id = $1 and
         coalesce(occurred_on, ((changed_at at time zone 'Europe/London'))::date) between $2::date and $3::date`,
      [user!.id, addDays(today, -13), today],
    );
    const lines = plan.map((row) => String(Object.values(row)[0]));
    console.log(`
The job-search log's filter (14 days) on ${APPLICATIONS.toLocaleString('en-GB')} applications, EXPLAIN:`);
    console.log(lines.map((l) => `  ${l}`).join('\n'));
  } finally {
    await sql.end();
  }
}

/** The CSV import of CSV_ROWS rows: timed at loopback speed, then counted with answers held back. */
async function csvImport(
  stack: { baseUrl: string; databaseUrl: string; processGroup: number | undefined },
  counter: WireCounter,
) {
  counter.setLatency(0);
  const timed = await measureCsvImport({
    ...stack,
    counter,
    rows: CSV_ROWS,
    email: 'bench-import-1@example.com',
  });
  counter.setLatency(COUNTING_LATENCY_MS);
  const counted = await measureCsvImport({
    ...stack,
    counter,
    rows: CSV_ROWS,
    email: 'bench-import-2@example.com',
  });
  const mib = (n: number) => `${n.toFixed(1)} MiB`;
  console.log(
    `\nCSV import of a ${CSV_ROWS.toLocaleString('en-GB')}-row UK spreadsheet (${kib(timed.bytes)}) into an empty account, through the Worker;` +
      ` ${timed.added.toLocaleString('en-GB')} applications added. Time over loopback; workerd's resident memory before the step and its peak during it` +
      ` (VmHWM, reset before each step); database traffic with answers held back ${COUNTING_LATENCY_MS} ms:`,
  );
  table(
    ['Step', 'Time', 'workerd before', 'workerd peak', 'Trips', 'Setup', 'Conns', 'Stmts'],
    timed.steps.map((step: ImportStep, i) => {
      const c = counted.steps[i]!.counts;
      return [
        step.label,
        ms(step.ms),
        step.memory.measured ? mib(step.memory.before) : 'n/a',
        step.memory.measured ? mib(step.memory.peak) : 'n/a',
        String(c.roundTrips),
        String(c.connectTrips),
        String(c.connections),
        String(c.statements),
      ];
    }),
  );
}

const GUEST_APPLICATIONS = 1_000;
const GUEST_RUNS = 10;

/** Guest mode's list with 1,000 applications in the browser: script time per step (issue 11). */
async function guestList(baseUrl: string) {
  const t = await measureGuestList(baseUrl, GUEST_APPLICATIONS, GUEST_RUNS);
  console.log(
    `\nGuest mode, ${GUEST_APPLICATIONS.toLocaleString('en-GB')} applications in localStorage` +
      ` (${kib(t.bytes)}), Chromium, ${GUEST_RUNS} runs after one warm-up. Marked: click to the` +
      ` rows in the DOM, measured in the page (target: the list under 100 ms); ScriptDuration:` +
      ` Chromium's script time over the step, Playwright's calls included:`,
  );
  const row = (label: string, steps: Array<{ scriptMs: number; markedMs: number }>) => [
    label,
    ...stats(steps.map((s) => s.markedMs)),
    ms(
      percentile(
        steps.map((s) => s.scriptMs),
        50,
      ),
    ),
  ];
  table(
    ['Step', 'Marked median', 'Marked p90', 'Marked min', 'ScriptDuration median'],
    [
      row('Dashboard → list (read, sort, page 1 of 40)', t.toList),
      row('Search "Sheffield" on the list', t.search),
      row('First load of /guest/applications (from navigation start)', t.firstLoad),
    ],
  );
}

function stats(values: number[]) {
  return [ms(percentile(values, 50)), ms(percentile(values, 90)), ms(Math.min(...values))];
}

/** Upload size, JavaScript per page, and each page's server time and database traffic. */
async function pagesAndLists(
  baseUrl: string,
  counter: WireCounter,
  cookie: string,
  applicationId: string,
  upload: ReturnType<typeof uploadSize> & { passwords: ReturnType<typeof commonPasswordShare> },
) {
  const { passwords } = upload;
  const pages: Array<[string, string | undefined]> = [
    ['/', undefined],
    ['/privacy', undefined],
    ['/signin', undefined],
    ['/signup', undefined],
    ['/forgot-password', undefined],
    ['/magic-link', undefined],
    ['/dev/outbox', undefined],
    ['/', cookie],
    ['/applications', cookie],
    ['/applications/board', cookie],
    ['/applications/new', cookie],
    [`/applications/${applicationId}`, cookie],
    [`/applications/${applicationId}/edit`, cookie],
    [`/applications/${applicationId}/delete`, cookie],
    ['/account', cookie],
    ['/statements', cookie],
    ['/statements/new?kind=supporting', cookie],
  ];
  const weights = [];
  for (const [path, withCookie] of pages) {
    const js = await measurePageJs(baseUrl, path, withCookie);
    const label = `${path.replace(applicationId, ':id')}${withCookie ? ' (signed in)' : ''}`;
    weights.push([
      label,
      String(js.status),
      String(js.files),
      kib(js.rawBytes),
      kib(js.gzipBytes),
      kib(js.inlineGzipBytes),
    ]);
  }

  const n = APPLICATIONS.toLocaleString('en-GB');
  const timed: Array<[string, string, string | undefined]> = [
    ['GET /privacy (static)', '/privacy', undefined],
    ['GET / (dashboard)', '/', cookie],
    ['GET /applications (page 1)', '/applications', cookie],
    ['GET /applications?sort=closing', '/applications?sort=closing', cookie],
    // A word in a third of the rows, and a reference in one.
    ['GET /applications?q=sheffield', '/applications?q=sheffield', cookie],
    ['GET /applications?q=C9174-004217', '/applications?q=C9174-004217', cookie],
    ['GET /applications?page=40', '/applications?page=40', cookie],
    ['GET /applications/board', '/applications/board', cookie],
    ['GET /stats', '/stats', cookie],
    ['GET /job-search-log (14 days)', '/job-search-log', cookie],
    // A year: past MAX_ENTRIES, so the page's longest answer.
    ['GET /job-search-log (366 days)', `/job-search-log?${yearRange()}`, cookie],
    ['GET /job-search-log.csv (14 days)', '/job-search-log.csv', cookie],
  ].map(([label, path, withCookie]) => [label!, `${baseUrl}${path}`, withCookie]);
  // Guard against timing a sign-in redirect or an empty page.
  const guards: Array<[string, string]> = [
    ['/applications', 'Next page'],
    ['/applications?q=sheffield', 'University of Sheffield'],
    ['/applications?q=C9174-004217', 'Monzo Bank 4217'],
    ['/applications/board', 'Offer'],
    ['/stats', 'Outcomes by source'],
    ['/job-search-log', 'What I did'],
    [`/job-search-log?${yearRange()}`, 'Only the first'],
    ['/job-search-log.csv', 'Date,What I did'],
  ];
  for (const [path, expected] of guards) {
    const html = await (await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } })).text();
    if (!html.includes(expected)) throw new Error(`${path} did not render (no "${expected}")`);
  }
  const times = await timePages(timed);

  counter.setLatency(COUNTING_LATENCY_MS);
  const counts: WireCounts[] = [];
  for (const [, url, withCookie] of timed) counts.push(await countGet(counter, url, withCookie));

  console.log(
    `\nWorker upload (wrangler deploy --dry-run): ${upload.raw} raw, ${upload.gzip} gzipped;` +
      ` of which the ${passwords.count.toLocaleString('en-GB')} common passwords` +
      ` ${kib(passwords.raw)} raw, ${kib(passwords.gzip)} gzipped\n`,
  );
  console.log(
    'JavaScript shipped per page on first load (modules counted once per page; gzip level 6):',
  );
  table(['Page', 'HTTP', 'Modules', 'JS raw', 'JS gzip', 'Inline gzip'], weights);
  console.log(
    `\nAn account with ${n} applications. Server time over loopback, ${SAMPLES} sequential requests` +
      ` each after ${WARM_UP} warm-ups, interleaved; ratio of medians to the static page. Database` +
      ` traffic of one request (answers held back ${COUNTING_LATENCY_MS} ms): round trips after` +
      ` connecting, connection-setup trips, connections and statements:`,
  );
  const staticMedian = percentile(times[0]!, 50);
  table(
    ['Request', 'Median', 'p90', 'Min', '× static', 'Trips', 'Setup', 'Conns', 'Stmts'],
    timed.map(([label], i) => {
      const t = times[i]!;
      const c = counts[i]!;
      return [
        label,
        ms(percentile(t, 50)),
        ms(percentile(t, 90)),
        ms(Math.min(...t)),
        `${(percentile(t, 50) / staticMedian).toFixed(2)}×`,
        String(c.roundTrips),
        String(c.connectTrips),
        String(c.connections),
        String(c.statements),
      ];
    }),
  );
  await supabaseSession();
}

const stopAndExit = async (code: number) => {
  await stopAllStacks();
  await fake?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stopAndExit(130));
process.on('SIGTERM', () => void stopAndExit(143));
try {
  await main();
  await stopAndExit(0);
} catch (error) {
  console.error('Benchmark failed:', error instanceof Error ? error.message : error);
  await stopAndExit(1);
}
