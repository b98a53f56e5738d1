import { loggable } from './loggable';

/**
 * Work a request starts but does not wait for (sending an email, say), so that the answer takes
 * the same time whatever that work finds. Each task is kept alive with the Worker's `waitUntil`,
 * and `settled()` lets the request's database client close only after every task has finished.
 */
export type Background = {
  /** Starts `task` now; its failure is logged, never thrown at the request. */
  run(task: () => Promise<unknown>): void;
  /** Resolves once every task started so far (and any they started) has finished. */
  settled(): Promise<void>;
};

/** A fresh set of background tasks for one request. */
export function createBackground(waitUntil: (promise: Promise<unknown>) => void): Background {
  const pending = new Set<Promise<unknown>>();
  return {
    run(task) {
      const running: Promise<unknown> = Promise.resolve()
        .then(task)
        .catch((error: unknown) => console.error('Background work failed:', loggable(error)))
        .finally(() => pending.delete(running));
      pending.add(running);
      waitUntil(running);
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
