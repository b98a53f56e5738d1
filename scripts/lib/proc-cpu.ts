/**
 * CPU time of processes, read from /proc (Linux): to measure what a request costs the Worker
 * (workerd) and the database (PostgreSQL), as the difference before and after a run.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after it.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Processes named `name` (workerd, say) in process group `group` (a stack's wrangler). */
export function pidsInGroup(group: number, name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name &&
          Number(stat(pid)?.[2]) === group
        );
      } catch {
        return false;
      }
    });
}

/** The postmaster of the cluster in `dir` and its live children (backends, background workers). */
export function clusterPids(dir: string): number[] {
  const postmaster = Number(readFileSync(`${dir}/postmaster.pid`, 'utf8').split('\n')[0]);
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {}
  return [postmaster, ...children];
}

/**
 * Milliseconds of CPU the processes have used, including their children that have exited (a
 * PostgreSQL backend per connection ends with its connection, and its time lands on the
 * postmaster).
 */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = stat(pid);
    // After the name: state is field 0, utime 11, stime 12, cutime 13, cstime 14.
    if (fields) ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}
