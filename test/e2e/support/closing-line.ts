import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the run with one unmistakable line, so a skim of CI output shows what happened. */
export default class ClosingLine implements Reporter {
  private counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(_test: TestCase, result: TestResult) {
    if (result.status === 'passed') this.counts.passed += 1;
    else if (result.status === 'skipped') this.counts.skipped += 1;
    else this.counts.failed += 1;
  }

  onEnd(result: FullResult) {
    const { passed, failed, skipped } = this.counts;
    const verdict = result.status === 'passed' ? 'PASSED' : 'FAILED';
    console.log(
      `\nBrowser tests ${verdict}: ${passed} passed, ${failed} failed, ${skipped} skipped (Chromium, JavaScript on and off).`,
    );
  }

  printsToStdio() {
    return false;
  }
}
