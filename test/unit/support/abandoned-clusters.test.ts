import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeAbandonedClusters } from '../../support/abandoned-clusters';

let parent = '';
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const HOUR = 60 * 60 * 1000;

/** A cluster folder whose server had `pid` (none: no postmaster.pid), last changed `age` ago. */
function cluster(name: string, { pid, age }: { pid?: number; age: number }) {
  const dir = join(parent, name);
  mkdirSync(join(dir, 'base'), { recursive: true });
  writeFileSync(join(dir, 'base', '16384'), 'x'.repeat(1024));
  if (pid !== undefined) writeFileSync(join(dir, 'postmaster.pid'), `${pid}\n${dir}\n`);
  const then = new Date(Date.now() - age);
  utimesSync(dir, then, then);
  return dir;
}

describe('test clusters a killed run left behind', () => {
  it('are removed once settled when their server is gone; running, recent and other folders stay', () => {
    parent = mkdtempSync(join(tmpdir(), 'clusters-'));
    // A pid far above any Linux pid_max: no such process.
    const killed = cluster('jobtrack-test-pg-killed', { pid: 2 ** 30, age: 2 * HOUR });
    const stopped = cluster('jobtrack-test-pg-nopid', { age: 2 * HOUR });
    const running = cluster('jobtrack-test-pg-running', { pid: process.pid, age: 2 * HOUR });
    const starting = cluster('jobtrack-test-pg-starting', { age: 60 * 1000 });
    const other = cluster('jobtrack-e2e-pg-old', { age: 2 * HOUR });

    const removed = removeAbandonedClusters(parent);

    expect(removed.sort()).toEqual(['jobtrack-test-pg-killed', 'jobtrack-test-pg-nopid']);
    expect([killed, stopped].map(existsSync)).toEqual([false, false]);
    expect([running, starting, other].map(existsSync)).toEqual([true, true, true]);
  });
});
