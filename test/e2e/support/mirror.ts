import { test, type Browser, type Page } from '@playwright/test';

/** True in the project that runs with JavaScript turned off. */
export function javaScriptDisabled() {
  return test.info().project.use.javaScriptEnabled === false;
}

/**
 * Runs `work` with a page whose DOM can be inspected by script. With JavaScript on that is `page`
 * itself. Chromium refuses in-page evaluation while JavaScript is disabled, so the no-JS project
 * gets a mirror: the same HTML at the same URL and viewport (styles load, so layout and contrast
 * are real) in a scratch JS-enabled context, with the page's own scripts removed so the DOM stays
 * exactly what a visitor without JavaScript sees.
 */
export async function withScriptablePage<T>(
  page: Page,
  work: (target: Page) => Promise<T>,
): Promise<T> {
  if (!javaScriptDisabled()) return work(page);
  const mirror = await mirrorFor(page);
  mirror.html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const size = page.viewportSize();
  if (size) await mirror.page.setViewportSize(size);
  await mirror.page.goto(page.url());
  return work(mirror.page);
}

type Mirror = { page: Page; html: string };
// One mirror per browser (one per worker), reused across scans: a new context costs seconds here.
const mirrors = new WeakMap<Browser, Promise<Mirror>>();

function mirrorFor(page: Page): Promise<Mirror> {
  const browser = page.context().browser();
  if (!browser) throw new Error('withScriptablePage needs a browser-backed page');
  let mirror = mirrors.get(browser);
  if (!mirror) {
    mirror = (async () => {
      // Explicitly JS-enabled: contexts made inside a test inherit the project's options.
      const context = await browser.newContext({ javaScriptEnabled: true });
      const state: Mirror = { page: await context.newPage(), html: '' };
      await state.page.route('**/*', (route) => {
        const request = route.request();
        if (request.isNavigationRequest()) {
          return route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: state.html,
          });
        }
        return request.resourceType() === 'script' ? route.abort() : route.continue();
      });
      return state;
    })();
    mirrors.set(browser, mirror);
  }
  return mirror;
}
