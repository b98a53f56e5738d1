import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Runs a command to completion, inheriting stdio; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}) {
  return new Promise<void>((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** Starts a long-running command in its own process group, so stopping it stops its children too. */
export function startGroup(command: string, args: string[], options: SpawnOptions = {}) {
  return spawn(command, args, { stdio: 'inherit', detached: true, ...options });
}

/** Stops a process group started by startGroup (wrangler and its workerd, say). */
export function stopGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}
