import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '~/http/background.server';

afterEach(() => vi.restoreAllMocks());

/** A promise and the function that resolves it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('work a request starts without waiting for it', () => {
  it('starts each task at once and hands it to waitUntil', async () => {
    const handed: Promise<unknown>[] = [];
    const background = createBackground((promise) => handed.push(promise));
    const task = vi.fn(async () => {});
    background.run(task);
    expect(handed).toHaveLength(1);
    await handed[0];
    expect(task).toHaveBeenCalledOnce();
  });

  it('settles only once every task, and any task a task started, has finished', async () => {
    const background = createBackground(() => {});
    const first = gate();
    const second = gate();
    const finished: string[] = [];
    background.run(async () => {
      await first.opened;
      background.run(async () => {
        await second.opened;
        finished.push('second');
      });
      finished.push('first');
    });
    let settled = false;
    const settling = background.settled().then(() => (settled = true));
    first.open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toEqual(['first']);
    expect(settled).toBe(false);
    second.open();
    await settling;
    expect(finished).toEqual(['first', 'second']);
  });

  it('settles at once when nothing was started, and again after tasks have finished', async () => {
    const background = createBackground(() => {});
    await background.settled();
    background.run(async () => {});
    await background.settled();
    await background.settled();
  });

  it('logs a failed task without the failure reaching the request or stopping the others', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handed: Promise<unknown>[] = [];
    const background = createBackground((promise) => handed.push(promise));
    const after = vi.fn(async () => {});
    background.run(async () => {
      throw new Error('mail server down');
    });
    background.run(after);
    await background.settled();
    await expect(Promise.all(handed)).resolves.toBeDefined();
    expect(after).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith('Background work failed:', expect.anything());
  });
});
