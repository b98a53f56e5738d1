// The benchmark's CSV import: a signed-in person uploads a 5,000-row UK spreadsheet through the
// Worker and confirms it, timed end to end, with workerd's peak memory and the database traffic of
// each step. Memory is workerd's own: its peak resident set (VmHWM) reset before each step.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCookie } from '@remix-run/cloudflare';
import postgres from 'postgres';
import { sha256 } from '../../app/auth/hashing.server';
import { guessColumns } from '../../app/portability/csv-import/guess-columns';
import { previewedAs } from '../../app/portability/csv-import/schema';
import { EXPECTED_ACCOUNT } from '../../app/portability/import-steps';
import type { WireCounter, WireCounts } from '../../test/support/wire-counter';

const EMPLOYERS = [
  [
    'Leeds Teaching Hospitals NHS Trust',
    'Staff Nurse',
    'Band 5',
    '"£29,970 - £36,483"',
    'NHS Jobs',
  ],
  [
    'Department for Work and Pensions',
    'Executive Officer',
    'EO',
    '"£28,407 to £30,220"',
    'Civil Service Jobs',
  ],
  ['HM Revenue and Customs', 'Higher Executive Officer', 'HEO', '£36k-£41k', 'Civil Service Jobs'],
  [
    'University of Sheffield',
    'Research Associate',
    'Grade 7',
    '"£37,099 - £44,263 pro rata"',
    'jobs.ac.uk',
  ],
  ['Greggs plc', 'Team Member', '', '£12.45 an hour', 'Indeed'],
] as const;
const STAGES = ['Applied', 'Wishlist', 'Interview booked', 'Rejected', 'Waiting to hear', 'Offer'];

/** A spreadsheet of `rows` applications as a UK job seeker keeps one: UK dates, £ ranges, notes. */
export function ukSpreadsheet(rows: number): string {
  const lines = [
    'Organisation,Role,Stage,Applied,Closing date,Band,Salary,Ref,Where I found it,Notes',
  ];
  for (let i = 0; i < rows; i++) {
    const [company, role, band, salary, source] = EMPLOYERS[i % EMPLOYERS.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 10)).padStart(2, '0');
    lines.push(
      [
        `${company} ${i}`,
        role,
        STAGES[i % STAGES.length],
        `${day}/${month}/2026`,
        `${day}/${String(2 + (i % 10)).padStart(2, '0')}/2026`,
        band,
        salary,
        `C9174-${String(i).padStart(6, '0')}`,
        source,
        `"Applied online; spoke to the recruiter, follow up in a week (${i})"`,
      ].join(','),
    );
  }
  return lines.join('\r\n');
}

/** A second confirmed person with a live session, so the import lands in an empty account. */
export async function importer(databaseUrl: string, email: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<{ id: string }[]>`
      insert into auth.users (email, email_confirmed_at) values (${email}, now()) returning id`;
    const token = 'bench-import-token-' + crypto.randomUUID();
    await sql`insert into jobtrack.sessions (token_hash, user_id, expires_at)
      values (${await sha256(token)}, ${user!.id}, now() + interval '1 day')`;
    // The session cookie is "<user id>.<token>" (decision 011).
    const value = `${user!.id}.${token}`;
    const cookie = (await createCookie('jobtrack_session').serialize(value)).split(';')[0]!;
    return { cookie, userId: user!.id };
  } finally {
    await sql.end();
  }
}

/** The workerd processes in wrangler's process group. */
function workerdPids(group: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return stat.includes('(workerd)') && Number(fields[2]) === group;
      } catch {
        return false;
      }
    });
}

const kib = (pid: number, field: 'VmHWM' | 'VmRSS') =>
  Number(
    new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ??
      0,
  );

/** Runs `step` and answers workerd's resident memory before it and at its peak during it, in MiB. */
async function withPeakMemory<T>(group: number | undefined, step: () => Promise<T>) {
  const pids = group ? workerdPids(group) : [];
  // Writing 5 to clear_refs resets the peak (VmHWM) to the current size (Linux ≥ 4.0).
  for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = pids.reduce((sum, pid) => sum + kib(pid, 'VmRSS'), 0);
  const result = await step();
  const peak = pids.reduce((sum, pid) => sum + kib(pid, 'VmHWM'), 0);
  return { result, before: before / 1024, peak: peak / 1024, measured: pids.length > 0 };
}

/** What a page says in its main part, without markup: enough to see why a step was refused. */
function pageText(html: string) {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 800);
}

async function post(baseUrl: string, cookie: string, body: FormData) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/account/import-csv`, {
    method: 'POST',
    body,
    headers: { Cookie: cookie, Origin: baseUrl },
    redirect: 'manual',
  });
  const html = await response.text();
  return { status: response.status, html, ms: performance.now() - started };
}

export type ImportStep = {
  label: string;
  ms: number;
  status: number;
  memory: { before: number; peak: number; measured: boolean };
  counts: WireCounts;
};

/** Uploads and confirms a file of `rows` rows; the counter holds answers back as it is set to. */
export async function measureCsvImport(options: {
  baseUrl: string;
  databaseUrl: string;
  processGroup: number | undefined;
  counter: WireCounter;
  rows: number;
  /** A new account per run: the second run of the same file would add nothing. */
  email: string;
}): Promise<{ bytes: number; steps: ImportStep[]; added: number }> {
  const { baseUrl, counter } = options;
  const { cookie, userId } = await importer(options.databaseUrl, options.email);
  const text = ukSpreadsheet(options.rows);
  const headers = text.slice(0, text.indexOf('\r\n')).split(',');
  const steps: ImportStep[] = [];

  const upload = new FormData();
  upload.append('intent', 'preview');
  upload.append('file', new File([text], 'applications.csv', { type: 'text/csv' }));
  const confirm = new FormData();
  confirm.append('intent', 'confirm');
  confirm.append('csv', text.replace(/\r\n/g, '\n'));
  confirm.append('fileName', 'applications.csv');
  confirm.append('dateOrder', 'dmy');
  guessColumns(headers).forEach((choice, i) => confirm.append(`columns[${i}]`, choice));
  // The mapping the preview was made with: "Add" confirms only what was shown.
  confirm.append('previewed', previewedAs(guessColumns(headers), 'dmy'));
  // The account the preview was shown for: "Add" adds only into that one.
  confirm.append(EXPECTED_ACCOUNT, userId);

  for (const [label, body, expected] of [
    [`Upload → preview (${options.rows.toLocaleString('en-GB')} rows)`, upload, 200],
    ['Confirm → added, redirect', confirm, 302],
  ] as const) {
    await counter.idle();
    counter.reset();
    const measured = await withPeakMemory(options.processGroup, () => post(baseUrl, cookie, body));
    await counter.idle();
    const { result } = measured;
    if (result.status !== expected) {
      throw new Error(`${label} answered ${result.status}: ${pageText(result.html)}`);
    }
    if (expected === 200 && !result.html.includes('will be added')) {
      throw new Error(`${label} did not show a preview`);
    }
    steps.push({
      label,
      ms: result.ms,
      status: result.status,
      memory: measured,
      counts: counter.counts(),
    });
  }
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from jobtrack.applications a join auth.users u on u.id = a.user_id
      where u.email = ${options.email}`;
    return { bytes: Buffer.byteLength(text), steps, added: row!.n };
  } finally {
    await sql.end();
  }
}
