/**
 * The delay the Statement Builder adds, against the fake Anthropic on loopback: from the moment
 * the fake sends its first word to the moment the browser shows words (painted), and from its last
 * word to the moment the browser shows that the version is saved (the server saves it, then says
 * so in the stream's last event; the page then moves to the saved version, which is not counted). Chromium with JavaScript, the
 * enhanced form. Clocks: the fake and the browser both report epoch milliseconds from the same
 * machine's clock (performance.timeOrigin + performance.now()).
 */
import { chromium } from '@playwright/test';
import type { Recorded } from '../../test/e2e/support/fake-anthropic';

export type Latency = { firstWords: number[]; saved: number[] };

// Installed in the page before each press: records when the live draft first shows text (on the
// next frame, so it has been painted) and when the "saved" status appears.
/** The script that installs the marks (exported for debugging the measurement itself). */
export const observerScript = (version: number) => `(() => {
  const marks = (window.__draftMarks = { firstVisible: null, saved: null });
  const observer = new MutationObserver(() => {
    const live = document.querySelector('[data-testid="live-draft"]');
    if (marks.firstVisible === null && live && live.textContent.trim()) {
      marks.firstVisible = 0;
      requestAnimationFrame(() => (marks.firstVisible = performance.timeOrigin + performance.now()));
    }
    if (marks.saved === null && document.body.innerText.includes('Saved as Version ${version}.')) {
      marks.saved = 0;
      requestAnimationFrame(() => (marks.saved = performance.timeOrigin + performance.now()));
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** Runs `runs` generations (after `warmUp`) and returns the two delays of each, in ms. */
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
    const latency: Latency = { firstWords: [], saved: [] };
    for (let i = 0; i < options.warmUp + options.runs; i++) {
      const seen = (await (
        await fetch(`${options.fakeUrl}/__control/requests`)
      ).json()) as Recorded[];
      const before = page.url();
      await page.evaluate(observerScript(i + 1));
      await main.getByRole('button', { name: 'Generate draft' }).click();
      await page.waitForFunction(() => {
        const marks = (window as unknown as { __draftMarks: { saved: number | null } })
          .__draftMarks;
        return Boolean(marks.saved);
      });
      const marks = await page.evaluate(
        () =>
          (window as unknown as { __draftMarks: { firstVisible: number; saved: number } })
            .__draftMarks,
      );
      const all = (await (
        await fetch(`${options.fakeUrl}/__control/requests`)
      ).json()) as Recorded[];
      const request = all[seen.length]!;
      if (i >= options.warmUp) {
        latency.firstWords.push(marks.firstVisible - request.firstTokenAt!);
        latency.saved.push(marks.saved - request.lastTokenAt!);
      }
      // The page moves to the saved version; wait for it before the next press.
      await page.waitForURL((url) => url.search.includes('version=') && url.href !== before);
      await page.getByText(`Finished and saved as Version ${i + 1}.`).waitFor();
    }
    return latency;
  } finally {
    await browser.close();
  }
}
