import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { withScriptablePage } from './mirror';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fails when axe-core finds a serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await withScriptablePage(page, (target) =>
    new AxeBuilder({ page: target })
      .withTags(TAGS)
      // Legacy mode runs axe in the page itself; the default opens a blank page per scan (2–3 s here).
      .setLegacyMode(true)
      .options({ resultTypes: ['violations'] })
      .analyze(),
  );
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
  );
  expect(report, `axe-core on ${new URL(page.url()).pathname}`).toEqual([]);
}
