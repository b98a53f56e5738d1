/**
 * `npm run load [-- --people N --writes M --restart-db]`: N people (50) each add M applications
 * (100) one after another, all at once, through the production build on a throwaway stack (free
 * ports, its own build folder). A write is acknowledged when the app answers with the redirect to
 * the new application. A write that fails (a 5xx or a dropped connection) is retried with the same
 * one-time key, as a browser's retry would be, until it is acknowledged or 60 s have passed.
 *
 * With --restart-db the database is stopped a third of the way in and started again 3 s later.
 * Prints what people saw (answers by status), writes per second, latency percentiles, the rows
 * expected against those found (a duplicate or a missing acknowledged write is a failure), and, for
 * a restart, how long after the database came back the first write succeeded. Loopback only; it
 * stops by itself. Exits non-zero when a row is missing or duplicated.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { startStack, stopAllStacks, type Stack } from '../test/e2e/support/stack';
import { applicationIdFor } from '../app/applications/one-time-key';
import { seedPerson } from './lib/seed';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '50' },
    writes: { type: 'string', default: '100' },
    'restart-db': { type: 'boolean', default: false },
    'down-seconds': { type: 'string', default: '3' },
  },
});
const PEOPLE = Number(args.people);
const WRITES = Number(args.writes);
const RESTART = args['restart-db'];
const DOWN_MS = Number(args['down-seconds']) * 1000;
const GIVE_UP_MS = 60_000;

type Person = { id: string; cookie: string };
const seen = new Map<string, number>();
const latencies: number[] = [];
const acknowledged = new Map<string, Set<string>>();
const firstSuccessAfter: number[] = [];
let databaseBackAt: number | null = null;

const note = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

async function write(stack: Stack, person: Person, n: number) {
  const key = crypto.randomUUID();
  const id = await applicationIdFor(person.id, key);
  const body = new URLSearchParams({
    company: `Load Test Ltd ${n}`,
    role: 'Tester',
    status: 'applied',
    notes: 'Written by npm run load.',
    key,
  }).toString();
  const started = performance.now();
  const deadline = Date.now() + GIVE_UP_MS;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    try {
      const response = await fetch(`${stack.baseUrl}/applications/new`, {
        method: 'POST',
        redirect: 'manual',
        body,
        headers: {
          Cookie: person.cookie,
          Origin: stack.baseUrl,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      note(attempt === 0 ? `${response.status}` : `${response.status} (retry)`);
      if (response.status === 302 && response.headers.get('Location') === `/applications/${id}`) {
        latencies.push(performance.now() - started);
        acknowledged.get(person.id)!.add(id);
        if (databaseBackAt !== null && firstSuccessAfter.length === 0)
          firstSuccessAfter.push(Date.now() - databaseBackAt);
        return;
      }
      if (response.status < 500) return; // a 4xx is an answer, not a reason to retry
      const wait = Number(response.headers.get('Retry-After') ?? '1');
      // A person would wait as told; the load run waits a little less, to see recovery sooner.
      await new Promise((done) => setTimeout(done, Math.min(wait * 1000, 500)));
    } catch (error) {
      note(`network error (${(error as Error).name})`);
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  note('gave up after 60 s');
}

async function restartDatabase(stack: Stack) {
  console.log(`Stopping the database (${new Date().toISOString()})…`);
  await stack.database.stop();
  await new Promise((done) => setTimeout(done, DOWN_MS));
  await stack.database.start();
  databaseBackAt = Date.now();
  console.log(`Database started again (${new Date().toISOString()}).`);
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  console.log(
    `Load run: ${PEOPLE} people × ${WRITES} writes${RESTART ? ', database restarted mid-run' : ''}`,
  );
  const stack = await startStack({ buildDir: '.cache/load', build: true, quiet: true });
  const admin = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) people.push(await seedPerson(admin, `load-${i}@example.com`));
  for (const person of people) acknowledged.set(person.id, new Set());

  let done = 0;
  const total = PEOPLE * WRITES;
  let restart: Promise<void> | undefined;
  const started = performance.now();
  await Promise.all(
    people.map(async (person) => {
      for (let n = 0; n < WRITES; n++) {
        await write(stack, person, n);
        done += 1;
        if (RESTART && !restart && done >= total / 3) restart = restartDatabase(stack);
      }
    }),
  );
  await restart;
  const seconds = (performance.now() - started) / 1000;

  const rows = await admin<{ user_id: string; id: string }[]>`
    select user_id, id from jobtrack.applications`;
  const found = new Map<string, string[]>();
  for (const row of rows) found.set(row.user_id, [...(found.get(row.user_id) ?? []), row.id]);
  let missing = 0;
  let unacknowledged = 0;
  for (const person of people) {
    const stored = new Set(found.get(person.id) ?? []);
    for (const id of acknowledged.get(person.id)!) if (!stored.has(id)) missing += 1;
    for (const id of stored) if (!acknowledged.get(person.id)!.has(id)) unacknowledged += 1;
  }
  const [history] = await admin<{ orphans: number; doubled: number }[]>`
    select
      (select count(*)::int from jobtrack.applications a
        where not exists (select 1 from jobtrack.status_changes s where s.application_id = a.id)) as orphans,
      (select count(*)::int from (select application_id from jobtrack.status_changes
        group by application_id having count(*) > 1) d) as doubled`;
  await admin.end();
  const acked = [...acknowledged.values()].reduce((sum, keys) => sum + keys.size, 0);

  console.log('\nAnswers people saw (every attempt):');
  for (const [what, count] of [...seen.entries()].sort()) console.log(`  ${what}: ${count}`);
  console.log(`\nWrites acknowledged: ${acked} of ${total}`);
  console.log(`Rows expected: ${acked}, found: ${rows.length}`);
  console.log(`  acknowledged but missing: ${missing}`);
  console.log(`  saved but never acknowledged: ${unacknowledged}`);
  console.log(
    `  applications without their history row: ${history!.orphans}, with it twice: ${history!.doubled}`,
  );
  console.log(`Throughput: ${(acked / seconds).toFixed(1)} writes/s over ${seconds.toFixed(1)} s`);
  console.log(
    `Latency per write, retries included: p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
  );
  if (RESTART) {
    console.log(
      firstSuccessAfter.length
        ? `First acknowledged write ${firstSuccessAfter[0]} ms after the database was back`
        : 'No write succeeded after the database came back',
    );
  }
  const failed = missing > 0 || rows.length !== acked || history!.orphans + history!.doubled > 0;
  return failed ? 1 : 0;
}

const stopAndExit = async (code: number) => {
  await stopAllStacks();
  process.exit(code);
};
process.on('SIGINT', () => void stopAndExit(130));
process.on('SIGTERM', () => void stopAndExit(143));
try {
  await stopAndExit(await main());
} catch (error) {
  console.error('Load run failed:', error instanceof Error ? error.message : error);
  await stopAndExit(1);
}
