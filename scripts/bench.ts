/**
 * `npm run bench`: measured, not asserted. Prints the Worker's upload size, the JavaScript each
 * page ships, the server time of the list page for an account with 1,000 applications next to
 * a static page, and the delay the Statement Builder adds to Claude's words (against a fake
 * Anthropic). Everything runs on loopback against a throwaway embedded PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createCookie } from '@remix-run/cloudflare';
import postgres from 'postgres';
import { COMMON_PASSWORDS } from '../app/auth/common-passwords';
import { sha256 } from '../app/auth/hashing.server';
import { startFakeAnthropic, type FakeAnthropic } from '../test/e2e/support/fake-anthropic';
import { run, startStack, stopAllStacks } from '../test/e2e/support/stack';
import { measurePageJs } from './lib/page-js';
import { measureStatementLatency } from './lib/statement-latency';

const APPLICATIONS = 1_000;
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

/** One confirmed user with 1,000 applications and a live session; returns the Cookie header. */
async function seed(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<{ id: string }[]>`
      insert into auth.users (email, email_confirmed_at) values ('bench@example.com', now()) returning id`;
    await sql`
      insert into jobtrack.applications
        (user_id, company, role, status, date_applied, closing_date, location, salary, source, notes,
         created_at, updated_at)
      select ${user!.id}, 'Company ' || g, 'Role ' || g,
        (enum_range(null::jobtrack.application_status))[1 + g % 8],
        current_date - (g % 300), current_date + (g % 90) - 30, 'Leeds', '£32,000–£36,000',
        'Civil Service Jobs', repeat('A line of notes. ', 40),
        now() - g * interval '1 hour', now() - g * interval '1 hour'
      from generate_series(1, ${APPLICATIONS}) g`;
    await sql`
      insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, changed_at)
      select id, user_id, null, status, created_at from jobtrack.applications where user_id = ${user!.id}`;
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

// `npm run bench -- --statements` measures only the Statement Builder's delays.
const onlyStatements = process.argv.includes('--statements');

async function main() {
  await run('npx', ['remix', 'vite:build']);
  const upload = onlyStatements ? null : { ...uploadSize(), passwords: commonPasswordShare() };
  fake = await startFakeAnthropic();
  const stack = await startStack({
    build: false,
    quiet: true,
    workerEnv: {
      ANTHROPIC_API_KEY: 'sk-ant-bench-fake',
      ANTHROPIC_BASE_URL: fake.url,
      STATEMENT_GENERATIONS_PER_HOUR: '1000',
    },
  });
  const { cookie, applicationId } = await seed(stack.databaseUrl);
  if (upload) await pagesAndLists(stack.baseUrl, cookie, applicationId, upload);

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
}

/** Upload size, JavaScript per page, and the list page against a static one. */
async function pagesAndLists(
  baseUrl: string,
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

  const listUrl = `${baseUrl}/applications`;
  const staticUrl = `${baseUrl}/privacy`;
  // Guard against timing a sign-in redirect or an empty list.
  const firstPage = await (await fetch(listUrl, { headers: { Cookie: cookie } })).text();
  if (!firstPage.includes('Next page'))
    throw new Error('the seeded list did not render (no "Next page")');
  for (let i = 0; i < WARM_UP; i++)
    await Promise.all([timeGet(listUrl, cookie), timeGet(staticUrl)]);
  const list: number[] = [];
  const still: number[] = [];
  // Interleaved, one request at a time, so drift and noise hit both pages alike.
  for (let i = 0; i < SAMPLES; i++) {
    list.push(await timeGet(listUrl, cookie));
    still.push(await timeGet(staticUrl));
  }

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
    `\nServer time over loopback, ${SAMPLES} sequential requests each after ${WARM_UP} warm-ups:`,
  );
  const listMedian = percentile(list, 50);
  const staticMedian = percentile(still, 50);
  table(
    ['Request', 'Median', 'p90', 'Min'],
    [
      [
        `GET /applications (${APPLICATIONS.toLocaleString('en-GB')} applications, page 1)`,
        ms(listMedian),
        ms(percentile(list, 90)),
        ms(Math.min(...list)),
      ],
      [
        'GET /privacy (static)',
        ms(staticMedian),
        ms(percentile(still, 90)),
        ms(Math.min(...still)),
      ],
    ],
  );
  console.log(`\nList / static median ratio: ${(listMedian / staticMedian).toFixed(2)}×`);
}

function stats(values: number[]) {
  return [ms(percentile(values, 50)), ms(percentile(values, 90)), ms(Math.min(...values))];
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
