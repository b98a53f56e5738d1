/**
 * The delay the Statement Builder adds, against the fake Anthropic on loopback, in Chromium with
 * JavaScript (the enhanced form): from the moment the fake sends its first word to the moment the
 * browser has painted words, and from its last word to the moment the browser has painted the
 * saved version (the editable draft, marked "Finished and saved as Version N"; the server saves
 * it before it says so). Each is split: until the page's script receives the event (Worker,
 * wrangler and the browser's network stack), and from there until it is painted (React, layout,
 * the next frame). Of the latter, the wait for the display's next frame is measured on its own:
 * from the moment the page's DOM holds the change to the frame's start (the timestamp the browser
 * gives requestAnimationFrame). That wait is the display's (0 to 16.7 ms at 60 Hz, wherever the
 * change lands in the frame), not the app's, so the app's own part is the whole less it.
 * Clocks: the fake and the browser both report epoch milliseconds from the same machine's clock
 * (performance.timeOrigin + performance.now()).
 */
import { chromium } from '@playwright/test';
import type { Recorded } from '../../test/e2e/support/fake-anthropic';

export type Latency = {
  firstWords: number[];
  saved: number[];
  /** Upstream's first word → the page's script reads it. */
  firstReceived: number[];
  /** Upstream's last word → the page's script reads the stream's end. */
  endReceived: number[];
  /** The page's DOM holds the first words → the display's next frame begins. */
  firstFrameWait: number[];
  /** The page's DOM holds the saved version → the display's next frame begins. */
  savedFrameWait: number[];
};

type Marks = {
  firstRead: number | null;
  endRead: number | null;
  firstPainted: number | null;
  savedPainted: number | null;
  firstFrameWait: number | null;
  savedFrameWait: number | null;
};

/**
 * The script that installs the marks before each press (exported for debugging the measurement
 * itself). "Painted" is the first task after the next frame's rendering: a requestAnimationFrame
 * callback runs before that frame is painted, so the mark waits for a task posted from it, at a
 * priority that runs it before any work the page had already queued. The mutation observer's
 * callback runs as soon as the page's render has changed the DOM, which dates the frame wait.
 * Reads are seen by wrapping the stream reader's read(), which the page's fetch body uses.
 */
export const observerScript = (version: number) => `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const marks = (window.__draftMarks = {
    firstRead: null, endRead: null, firstPainted: null, savedPainted: null,
    firstFrameWait: null, savedFrameWait: null,
  });
  let done;
  window.__draftDone = new Promise((resolve) => (done = resolve));
  if (!window.__readerWrapped) {
    window.__readerWrapped = true;
    const read = ReadableStreamDefaultReader.prototype.read;
    const decoder = new TextDecoder();
    ReadableStreamDefaultReader.prototype.read = function () {
      return read.call(this).then((result) => {
        const m = window.__draftMarks;
        if (m && result.value instanceof Uint8Array) {
          const at = now();
          const text = decoder.decode(result.value, { stream: true });
          if (m.firstRead === null && text.includes('"type":"text"')) {
            m.firstRead = at;
            performance.mark('draft-first-read');
          }
          if (text.includes('"type":"end"')) {
            m.endRead = at;
            performance.mark('draft-end-read');
          }
        }
        return result;
      });
    };
  }
  const afterPaint = (key, waitKey) => {
    const changed = performance.now();
    requestAnimationFrame((frameStart) => {
      marks[waitKey] = Math.max(0, frameStart - changed);
      const mark = () => {
        marks[key] = now();
        performance.mark('draft-' + key);
        if (marks.firstPainted && marks.savedPainted) done();
      };
      // Ahead of the page's own queued tasks (React's deferred work), so only the frame counts.
      scheduler.postTask(mark, { priority: 'user-blocking' });
    });
  };
  let first = false;
  let saved = false;
  const observer = new MutationObserver(() => {
    if (!first && document.querySelector('[data-testid="live-draft"]')?.textContent.trim()) {
      first = true;
      afterPaint('firstPainted', 'firstFrameWait');
    }
    if (!saved && [...document.querySelectorAll('.saved-draft [role="status"]')].some((s) =>
        s.textContent.includes('Finished and saved as Version ${version}.'))) {
      saved = true;
      observer.disconnect();
      afterPaint('savedPainted', 'savedFrameWait');
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** Runs `runs` generations (after `warmUp`) and returns the delays of each, in ms. */
export async function measureStatementLatency(options: {
  baseUrl: string;
  fakeUrl: string;
  cookie: string;
  runs: number;
  warmUp: number;
}): Promise<Latency> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = options.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: options.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${options.baseUrl}/statements/new?kind=cover_letter`);
    const main = page.getByRole('main');
    await main.getByLabel('Job title', { exact: true }).fill('Policy Officer');
    await main.getByLabel('Employer', { exact: true }).fill('Leeds City Council');
    await main.getByLabel('Your relevant experience').fill('Two years drafting committee reports.');
    const latency: Latency = {
      firstWords: [],
      saved: [],
      firstReceived: [],
      endReceived: [],
      firstFrameWait: [],
      savedFrameWait: [],
    };
    for (let i = 0; i < options.warmUp + options.runs; i++) {
      const seen = (await (
        await fetch(`${options.fakeUrl}/__control/requests`)
      ).json()) as Recorded[];
      const before = page.url();
      await page.evaluate(observerScript(i + 1));
      await main.getByRole('button', { name: 'Generate draft' }).click();
      // Waits on the page's own promise: no polling that would add work to the page.
      // (A draft that never shows both marks fails the bench after a minute rather than hanging it.)
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        page.evaluate(() => (window as unknown as { __draftDone: Promise<void> }).__draftDone),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Draft ${i + 1} was not painted within a minute`)),
            60_000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      const marks = await page.evaluate(
        () => (window as unknown as { __draftMarks: Marks }).__draftMarks,
      );
      const all = (await (
        await fetch(`${options.fakeUrl}/__control/requests`)
      ).json()) as Recorded[];
      const request = all[seen.length]!;
      if (i >= options.warmUp) {
        latency.firstWords.push(marks.firstPainted! - request.firstTokenAt!);
        latency.saved.push(marks.savedPainted! - request.lastTokenAt!);
        latency.firstReceived.push(marks.firstRead! - request.firstTokenAt!);
        latency.endReceived.push(marks.endRead! - request.lastTokenAt!);
        latency.firstFrameWait.push(marks.firstFrameWait!);
        latency.savedFrameWait.push(marks.savedFrameWait!);
      }
      // The page then moves to the saved version's address; wait for it before the next press.
      await page.waitForURL((url) => url.search.includes('version=') && url.href !== before);
    }
    return latency;
  } finally {
    await browser.close();
  }
}
