/**
 * Test clusters a killed run left behind. `pg-process.ts` removes its cluster when it stops, but a
 * SIGKILL (a mutation run ending its test runners, say) skips that, and a mutation run's cluster
 * grows to gigabytes: enough of them filled this machine's disk on 29 Nov 2026.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CLUSTER_PREFIX = 'jobtrack-test-pg-';

/** Left alone for this long after its last change, so a run starting beside this one is safe. */
const SETTLED_MS = 30 * 60 * 1000;

/** Whether the server that wrote this cluster's postmaster.pid is still running. */
function serverRunning(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // Alive but another user's: not ours to judge.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes every test cluster in `parent` whose server is gone and that has not changed lately. */
export function removeAbandonedClusters(parent: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = join(parent, name);
    try {
      if (now - statSync(dir).mtimeMs < SETTLED_MS || serverRunning(dir)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Removed meanwhile by its own run: nothing to do.
    }
  }
  return removed;
}
